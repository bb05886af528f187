using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Signing;

/// <summary>
/// A key made in moto's KMS by the AWS CLI (create-key, create-alias), and its certificate chain made by openssl for the
/// public key get-public-key returns, with the recipe docs/supply-chain.md gives (a throw-away CA issuing the leaf).
/// </summary>
internal sealed class MotoKmsKey
{
    private MotoKmsKey(string keyId, string alias, string directory)
    {
        KeyId = keyId;
        Alias = alias;
        PublicKeyPem = Path.Combine(directory, "pub.pem");
        CaCertificate = Path.Combine(directory, "ca.pem");
        Chain = Path.Combine(directory, "chain.pem");
    }

    /// <summary>The key's id (a UUID).</summary>
    public string KeyId { get; }

    /// <summary>The alias, <c>alias/…</c>.</summary>
    public string Alias { get; }

    /// <summary>The public key as openssl wrote it from get-public-key.</summary>
    public string PublicKeyPem { get; }

    /// <summary>The CA that issued the leaf: what verifiers trust.</summary>
    public string CaCertificate { get; }

    /// <summary>Leaf then CA: what <c>EcrSigningCertificate</c> names.</summary>
    public string Chain { get; }

    /// <summary>The environment of an AWS CLI call against moto.</summary>
    public static Dictionary<string, string?> Environment => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_PROFILE"] = null,
        ["AWS_ENDPOINT_URL"] = null,
    };

    /// <summary>Creates a key of <paramref name="keyUsage"/> and <paramref name="keySpec"/> with a fresh alias; its certificate chain in <paramref name="directory"/> (asymmetric keys).</summary>
    public static async Task<MotoKmsKey> CreateAsync(string directory, string keyUsage = "SIGN_VERIFY", string keySpec = "ECC_NIST_P256")
    {
        Directory.CreateDirectory(directory);
        var keyId = (await KmsAsync("create-key", "--key-usage", keyUsage, "--key-spec", keySpec, "--query", "KeyMetadata.KeyId", "--output", "text")).Trim();
        var alias = "alias/ecrpublish-" + Guid.NewGuid().ToString("N")[..8];
        await KmsAsync("create-alias", "--alias-name", alias, "--target-key-id", keyId);
        var key = new MotoKmsKey(keyId, alias, directory);
        if (keySpec != "SYMMETRIC_DEFAULT")
        {
            await key.MakeCertificateAsync(directory);
        }

        return key;
    }

    /// <summary>Runs <c>aws kms …</c> against moto and returns what it printed; fails the test on an error.</summary>
    public static async Task<string> KmsAsync(params string[] words)
    {
        var result = await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV2, ["--endpoint-url", TestEnvironment.MotoUrl, "kms", .. words], Environment, timeout: TimeSpan.FromMinutes(2));
        result.EnsureSuccess();
        return result.StandardOutput;
    }

    // The recipe of docs/supply-chain.md ("A certificate for a KMS key"), step by step.
    private async Task MakeCertificateAsync(string directory)
    {
        var publicKeyDer = Path.Combine(directory, "pub.der");
        var caKey = Path.Combine(directory, "ca.key");
        var leaf = Path.Combine(directory, "leaf.pem");
        var extensions = Path.Combine(directory, "leaf.ext");
        await File.WriteAllBytesAsync(publicKeyDer, Convert.FromBase64String((await KmsAsync("get-public-key", "--key-id", Alias, "--query", "PublicKey", "--output", "text")).Trim()));
        (await ProcessRunner.RunAsync("openssl", ["pkey", "-pubin", "-inform", "DER", "-in", publicKeyDer, "-out", PublicKeyPem])).EnsureSuccess();
        (await ProcessRunner.RunAsync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", caKey, "-out", CaCertificate,
            "-days", "3650", "-subj", "/CN=Release signing CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"])).EnsureSuccess();
        await File.WriteAllTextAsync(extensions, "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n");
        (await ProcessRunner.RunAsync("openssl", ["x509", "-new", "-force_pubkey", PublicKeyPem, "-subj", "/CN=release-signing", "-CA", CaCertificate, "-CAkey", caKey,
            "-days", "365", "-extfile", extensions, "-out", leaf])).EnsureSuccess();
        await File.WriteAllTextAsync(Chain, await File.ReadAllTextAsync(leaf) + await File.ReadAllTextAsync(CaCertificate));
    }
}
