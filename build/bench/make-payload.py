"""Writes the large, partly compressible payload of build/bench.sh's 1 GiB scenario (10): FILES files of
equal size that together make MIB mebibytes, each MiB half pseudo-random bytes (incompressible) and half
repeated text (compresses well), so a gzip layer of it is about half its size. Deterministic (seeded), so
both tools publish the same bytes; generated into the run's work folder and deleted after, never committed.

usage: make-payload.py DIR MIB [FILES]
"""
import os, random, sys

MIB = 1024 * 1024


def main():
    directory, total_mib = sys.argv[1], int(sys.argv[2])
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    os.makedirs(directory, exist_ok=True)
    text = b"".join(b"line %06d of the generated payload: lorem ipsum dolor sit amet\n" % i for i in range(8192))
    for index in range(files):
        generator = random.Random(index)
        with open(os.path.join(directory, f"payload-{index}.bin"), "wb") as f:
            for block in range(total_mib // files):
                f.write(generator.randbytes(MIB // 2))
                start = block % 1024
                f.write(text[start:start + MIB // 2])


if __name__ == "__main__":
    main()
