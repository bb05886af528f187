"""Runs many AWS CLI command lines in one Python process, for the test suite.

Each `aws ...` child process spends about a second importing botocore and awscli and loading service models; this
server pays that once. It reads one JSON request per line on stdin:
    {"argv": [...], "env": {"NAME": "value", ...}, "stdin": "text" or null, "cwd": "dir" or null}
and answers one JSON line on stdout:
    {"exitCode": n, "stdout": base64, "stderr": base64}
Every request runs the way the `aws` script runs it (`awscli.clidriver.main()` with sys.argv), with a fresh driver
and botocore session, so no credentials, configuration or endpoints carry over from one call to the next; only the
parsed model files (which depend on nothing but the data path) are shared.
Start it with the interpreter named on the `aws` script's shebang line, so it imports that CLI's awscli.
"""
import base64
import functools
import io
import json
import os
import sys
import time
import traceback


def _adjust_environment_as_the_aws_script_does():
    if os.environ.get('LC_CTYPE', '') == 'UTF-8':
        os.environ['LC_CTYPE'] = 'en_US.UTF-8'


_adjust_environment_as_the_aws_script_does()

import awscli  # noqa: E402
import awscli.clidriver  # noqa: E402  (the expensive import this process exists to do once)
import botocore.session  # noqa: E402

_create_loader = botocore.session.create_loader


@functools.lru_cache(maxsize=None)
def _shared_loader(search_path_string):
    # A loader caches every model it parses; one per data path keeps models parsed once per process.
    return _create_loader(search_path_string)


botocore.session.create_loader = _shared_loader


def _add_awscli_data_path_as_importing_awscli_does():
    # awscli/__init__.py appends its own data folder to AWS_DATA_PATH when imported (in a child process, once per call).
    paths = [os.path.expanduser(os.path.expandvars(path))
             for path in os.environ['AWS_DATA_PATH'].split(os.pathsep)] if 'AWS_DATA_PATH' in os.environ else []
    paths.append(os.path.join(os.path.dirname(os.path.abspath(awscli.__file__)), 'data'))
    os.environ['AWS_DATA_PATH'] = os.pathsep.join(paths)


def _text_stream(original, errors):
    # The same encoding and error handling as the real stream a child process would have written to.
    return io.TextIOWrapper(io.BytesIO(), encoding=original.encoding, errors=errors, write_through=True)


def _run(request):
    saved_environment = dict(os.environ)
    saved_directory = os.getcwd()
    saved = (sys.argv, sys.stdin, sys.stdout, sys.stderr)
    stdout = _text_stream(sys.__stdout__, 'strict')
    stderr = _text_stream(sys.__stderr__, 'backslashreplace')
    try:
        if request.get('env') is not None:
            # The whole environment a child process would have had, not overrides of this process's own.
            os.environ.clear()
            os.environ.update(request['env'])
            _adjust_environment_as_the_aws_script_does()
            _add_awscli_data_path_as_importing_awscli_does()
        time.tzset()
        if request.get('cwd'):
            os.chdir(request['cwd'])
        sys.argv = ['aws'] + list(request['argv'])
        sys.stdin = io.TextIOWrapper(io.BytesIO((request.get('stdin') or '').encode(sys.__stdin__.encoding)),
                                     encoding=sys.__stdin__.encoding)
        sys.stdout, sys.stderr = stdout, stderr
        try:
            exit_code = awscli.clidriver.main()
        except SystemExit as exit_request:
            exit_code = exit_request.code
        except Exception:  # noqa: BLE001  (what Python does with an uncaught exception: traceback, exit code 1)
            traceback.print_exc(file=stderr)
            exit_code = 1
        if exit_code is None:
            exit_code = 0
        elif not isinstance(exit_code, int):
            stderr.write(str(exit_code) + '\n')
            exit_code = 1
        stdout.flush()
        stderr.flush()
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved
        os.environ.clear()
        os.environ.update(saved_environment)
        time.tzset()
        os.chdir(saved_directory)
    return {
        'exitCode': exit_code,
        'stdout': base64.b64encode(stdout.buffer.getvalue()).decode('ascii'),
        'stderr': base64.b64encode(stderr.buffer.getvalue()).decode('ascii'),
    }


def main():
    # The protocol gets its own descriptors; fd 0 and 1 become /dev/null so that nothing the CLI does with the
    # process's real stdin or stdout (file:///dev/stdin, a stray write) can read or corrupt a request or answer.
    requests = os.fdopen(os.dup(0), 'r', encoding='utf-8')
    answers = os.fdopen(os.dup(1), 'w', encoding='utf-8')
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    answers.write(json.dumps({'ready': True}) + '\n')
    answers.flush()
    for line in requests:
        if not line.strip():
            continue
        answers.write(json.dumps(_run(json.loads(line))) + '\n')
        answers.flush()


if __name__ == '__main__':
    main()
