#!/usr/bin/env python3
"""Generates the ECR request/response DTOs (one type per file) and EcrJsonContext from botocore's ECR model.

Run from this folder:  python3 generate_model.py
The botocore model is the source of truth for member names and types; regenerate rather than hand-edit.
"""
import gzip
import html
import json
import os
import re

import botocore

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(os.path.dirname(botocore.__file__), "data", "ecr", "2015-09-21", "service-2.json.gz")

OPERATIONS = """CreateRepository DescribeRepositories DeleteRepository GetAuthorizationToken ListImages DescribeImages
BatchDeleteImage BatchGetImage PutImage PutImageTagMutability PutImageScanningConfiguration StartImageScan
DescribeImageScanFindings PutRegistryScanningConfiguration GetRegistryScanningConfiguration PutLifecyclePolicy
GetLifecyclePolicy DeleteLifecyclePolicy StartLifecyclePolicyPreview GetLifecyclePolicyPreview SetRepositoryPolicy
GetRepositoryPolicy DeleteRepositoryPolicy PutReplicationConfiguration DescribeRegistry CreatePullThroughCacheRule
DescribePullThroughCacheRules DeletePullThroughCacheRule PutRegistryPolicy GetRegistryPolicy DeleteRegistryPolicy
TagResource UntagResource ListTagsForResource GetSigningConfiguration DescribeImageSigningStatus DescribeRepositoryCreationTemplates""".split()

# Shape names that would shadow well-known .NET types.
RENAMES = {"Attribute": "FindingAttributeEntry"}

model = json.load(gzip.open(MODEL))
shapes = model["shapes"]


def type_name(shape):
    return RENAMES.get(shape, shape)


def first_sentence(doc):
    text = html.unescape(re.sub(r"<[^>]+>", " ", doc or ""))
    text = re.sub(r"\s+", " ", text).strip()
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cs_type(shape_name):
    shape = shapes[shape_name]
    kind = shape["type"]
    if kind == "string":
        return "string"
    if kind == "boolean":
        return "bool"
    if kind == "integer":
        return "int"
    if kind == "long":
        return "long"
    if kind in ("double", "float"):
        return "double"
    if kind == "timestamp":
        return "DateTimeOffset"
    if kind == "list":
        return f"IReadOnlyList<{cs_type(shape['member']['shape'])}>"
    if kind == "map":
        return f"IReadOnlyDictionary<{cs_type(shape['key']['shape'])}, {cs_type(shape['value']['shape'])}>"
    if kind == "structure":
        return type_name(shape_name)
    raise ValueError(f"unsupported shape type {kind} for {shape_name}")


def constraints(shape_name):
    shape = shapes[shape_name]
    notes = []
    if "enum" in shape:
        notes.append("One of: " + ", ".join(shape["enum"]) + ".")
    if "min" in shape or "max" in shape:
        notes.append(f"Length/size {shape.get('min', 0)}..{shape.get('max', 'unbounded')}.")
    return " ".join(notes)


def collect(name, seen):
    if name in seen:
        return
    seen.add(name)
    shape = shapes[name]
    for member in shape.get("members", {}).values():
        collect(member["shape"], seen)
    if "member" in shape:
        collect(shape["member"]["shape"], seen)
    if "key" in shape:
        collect(shape["key"]["shape"], seen)
        collect(shape["value"]["shape"], seen)


def structure_summary(name, shape):
    for suffix, role in (("Request", "input"), ("Response", "output")):
        operation = name[: -len(suffix)]
        if name.endswith(suffix) and operation in OPERATIONS:
            return f"The {role} of ECR's {operation} operation."
    return first_sentence(shape.get("documentation")) or name


def write_structure(name, is_request):
    shape = shapes[name]
    required = set(shape.get("required", []))
    lines = [
        "// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.",
        "using System.Text.Json.Serialization;",
        "",
        "namespace EcrPublish.Aws.Model;",
        "",
        f"/// <summary>{structure_summary(name, shape)}</summary>",
        f"public sealed class {type_name(name)}",
        "{",
    ]
    members = list(shape.get("members", {}).items())
    for index, (member_name, member) in enumerate(members):
        target = member["shape"]
        kind = shapes[target]["type"]
        csharp = cs_type(target)
        prop = member_name[0].upper() + member_name[1:]
        if prop == type_name(name):
            prop += "Value"
        doc = first_sentence(member.get("documentation") or shapes[target].get("documentation"))
        extra = constraints(target)
        summary = " ".join(part for part in (doc, extra) if part) or member_name
        lines.append(f"    /// <summary>{summary}</summary>")
        lines.append(f'    [JsonPropertyName("{member_name}")]')
        if kind == "timestamp":
            lines.append("    [JsonConverter(typeof(EpochSecondsConverter))]")
        if is_request and member_name in required and kind != "boolean":
            lines.append(f"    public required {csharp} {prop} {{ get; set; }}")
        else:
            lines.append(f"    public {csharp}? {prop} {{ get; set; }}")
        if index < len(members) - 1:
            lines.append("")
    lines.append("}")
    with open(os.path.join(HERE, type_name(name) + ".cs"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def main():
    seen = set()
    requests = set()
    roots = []
    for op in OPERATIONS:
        definition = model["operations"][op]
        for direction in ("input", "output"):
            if direction in definition:
                shape = definition[direction]["shape"]
                roots.append(shape)
                if direction == "input":
                    requests.add(shape)
                collect(shape, seen)
    request_side = set()
    for shape in requests:
        collect(shape, request_side)
    response_side = set()
    for op in OPERATIONS:
        if "output" in model["operations"][op]:
            collect(model["operations"][op]["output"]["shape"], response_side)
    for name in sorted(seen):
        if shapes[name]["type"] == "structure":
            # A nested type that responses also carry must stay deserializable without 'required'.
            write_structure(name, is_request=name in request_side and name not in response_side)

    context = [
        "// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.",
        "using System.Text.Json.Serialization;",
        "",
        "namespace EcrPublish.Aws.Model;",
        "",
        "/// <summary>System.Text.Json source-generated metadata for every ECR request and response.</summary>",
        "[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]",
    ]
    for shape in roots:
        context.append(f"[JsonSerializable(typeof({type_name(shape)}))]")
    context.append("public sealed partial class EcrJsonContext : JsonSerializerContext")
    context.append("{")
    context.append("}")
    with open(os.path.join(HERE, "EcrJsonContext.cs"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(context) + "\n")


if __name__ == "__main__":
    main()
