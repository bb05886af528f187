#!/usr/bin/env bash
# Writes one generated benchmark app (an ASP.NET Core web project) into DIR and commits it in a fresh git
# repository (EcrPublish derives tags from git).
#
#   make-app.sh DIR NAME realistic|tiny [self-contained]
#   BENCH_NO_GIT=1 make-app.sh ...   (no git repository: for a service inside a generated solution)
#   BENCH_PAYLOAD=DIR make-app.sh ...  (DIR's files published under payload/: scenario 10's large app)
#
# 'realistic' references a dependency set of the size real services carry (AWS SDK clients, EF Core with
# SQLite and its native libraries, Serilog, Polly, Newtonsoft.Json, ...): tens of MB of DLLs. 'tiny' has
# no package beyond EcrPublish. The csproj takes the image repository from -p:BenchRepository, so the
# same project serves EcrPublish (EcrRepository) and the SDK (ContainerRepository).
set -euo pipefail
dir=$1 name=$2 kind=$3 self_contained=${4:-}
mkdir -p "$dir"

packages=""
if [ "$kind" = realistic ]; then
  # scenario 4 bumps Newtonsoft.Json 13.0.3 -> 13.0.4 (see bench.sh)
  packages='
    <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
    <PackageReference Include="AWSSDK.DynamoDBv2" Version="4.1.0" />
    <PackageReference Include="AWSSDK.SQS" Version="4.0.100.25" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
    <PackageReference Include="Polly" Version="8.9.1" />
    <PackageReference Include="Serilog.AspNetCore" Version="10.0.0" />
    <PackageReference Include="Humanizer.Core" Version="3.0.10" />
    <PackageReference Include="Google.Protobuf" Version="3.36.2" />'
fi

# Files outside the project, copied to the publish folder only (not to bin/: one copy less of a large payload).
payload=""
if [ -n "${BENCH_PAYLOAD:-}" ]; then
  payload="
  <ItemGroup>
    <None Include=\"$BENCH_PAYLOAD/*\" Link=\"payload/%(Filename)%(Extension)\" CopyToOutputDirectory=\"Never\" CopyToPublishDirectory=\"PreserveNewest\" />
  </ItemGroup>"
fi

runtime=""
if [ -n "$self_contained" ]; then
  runtime='
    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
    <SelfContained>true</SelfContained>'
fi

cat > "$dir/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <Version>1.0.0</Version>$runtime
    <EcrRepository>\$(BenchRepository)</EcrRepository>
    <ContainerRepository>\$(BenchRepository)</ContainerRepository>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="EcrPublish" Version="\$(EcrPublishVersion)" />$packages
  </ItemGroup>$payload
</Project>
XML

if [ "$kind" = realistic ]; then
  cat > "$dir/Program.cs" <<'CS'
// Touches each dependency so none is trimmed away by accident and the app is a plausible service.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var answer = "hello";
app.MapGet("/", () => answer);
app.MapGet("/deps", () => string.Join(",",
    typeof(Amazon.S3.AmazonS3Client).Assembly.GetName().Name,
    typeof(Amazon.DynamoDBv2.AmazonDynamoDBClient).Assembly.GetName().Name,
    typeof(Amazon.SQS.AmazonSQSClient).Assembly.GetName().Name,
    typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.GetName().Name,
    Newtonsoft.Json.JsonConvert.SerializeObject(new { ok = true }),
    typeof(Polly.ResiliencePipeline).Assembly.GetName().Name,
    typeof(Serilog.Log).Assembly.GetName().Name,
    Humanizer.StringHumanizeExtensions.Humanize("PascalCaseInput"),
    typeof(Google.Protobuf.MessageParser).Assembly.GetName().Name));
app.Run();
CS
else
  cat > "$dir/Program.cs" <<'CS'
var app = WebApplication.CreateBuilder(args).Build();
var answer = "hello";
app.MapGet("/", () => answer);
app.Run();
CS
fi

printf 'bin/\nobj/\n' > "$dir/.gitignore"
# A service inside a generated solution is committed with the solution (BENCH_NO_GIT=1).
[ -z "${BENCH_NO_GIT:-}" ] || exit 0
git -C "$dir" init -q
git -C "$dir" add -A
git -C "$dir" -c user.name=bench -c user.email=bench@example.com commit -q -m "generated $name"
