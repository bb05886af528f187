using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcrPublish.Signing;

/// <summary>Signs with a private key in memory (ECDSA or RSA); owns and disposes the key.</summary>
public sealed class LocalKeySigner : ISignatureSigner, IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    /// <param name="key">An <see cref="ECDsa"/> or <see cref="RSA"/> private key of a size Notation accepts.</param>
    /// <param name="certificateChain">The chain, leaf first; the leaf must hold <paramref name="key"/>'s public key.</param>
    public LocalKeySigner(AsymmetricAlgorithm key, IReadOnlyList<X509Certificate2> certificateChain)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(certificateChain);
        Algorithm = key switch
        {
            ECDsa ecdsa => NotationAlgorithm.ForEcdsa(ecdsa),
            RSA rsa => NotationAlgorithm.ForRsa(rsa.KeySize),
            _ => null,
        } ?? throw new ArgumentException($"A {key.GetType().Name} key of {key.KeySize} bits has no Notation algorithm.", nameof(key));
        _key = key;
        CertificateChain = certificateChain;
    }

    public NotationAlgorithm Algorithm { get; }

    public IReadOnlyList<X509Certificate2> CertificateChain { get; }

    /// <summary>The key's SubjectPublicKeyInfo (DER).</summary>
    public byte[] PublicKeyInfo => _key.ExportSubjectPublicKeyInfo();

    public Task<byte[]> SignAsync(byte[] signingInput, CancellationToken cancellationToken) => Task.FromResult(_key switch
    {
        // .NET's default ECDSA signature format is IEEE P1363 (r||s), what JWS wants.
        ECDsa ecdsa => ecdsa.SignData(signingInput, Algorithm.Hash),
        RSA rsa => rsa.SignData(signingInput, Algorithm.Hash, RSASignaturePadding.Pss),
        _ => throw new InvalidOperationException("unreachable: the constructor accepts ECDSA and RSA keys only"),
    });

    public void Dispose() => _key.Dispose();
}
