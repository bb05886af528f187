#!/bin/sh
# Makes the Notation JWS envelopes NotationSignatureVerifierTests verifies, with openssl alone (no .NET code of ours):
# a CA, an ECDSA P-256 code-signing certificate it issued, an RSA 2048 self-signed code-signing certificate, and one
# envelope signed by each key over the same image descriptor. Run from this folder; the output is committed.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

openssl ecparam -name prime256v1 -genkey -noout -out "$work/ca.key"
openssl req -x509 -new -key "$work/ca.key" -sha256 -days 36500 -subj "/CN=openssl test CA" \
  -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign" -out openssl-ca.pem
openssl ecparam -name prime256v1 -genkey -noout -out "$work/leaf.key"
openssl req -new -key "$work/leaf.key" -subj "/CN=openssl test signer" -out "$work/leaf.csr"
printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n' > "$work/leaf.ext"
openssl x509 -req -in "$work/leaf.csr" -CA openssl-ca.pem -CAkey "$work/ca.key" -CAcreateserial -sha256 -days 36500 \
  -extfile "$work/leaf.ext" -out "$work/leaf.pem"
openssl pkey -in "$work/leaf.key" -pubout -out openssl-es256-public.pem
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/rsa.key"
openssl req -x509 -new -key "$work/rsa.key" -sha256 -days 36500 -subj "/CN=openssl test RSA signer" \
  -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=codeSigning" -out openssl-ps256-certificate.pem

payload=$(printf '%s' '{"targetArtifact":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:4f1a8d0c1e8b7a4b0d6f6f2c5bd0f0a3c7e8e6b9a1d2c3b4a5f6e7d8c9b0a1f2","size":1234}}' | b64url)
der() { openssl x509 -in "$1" -outform DER | base64 -w0; }

envelope() { # alg key certificates...
  alg=$1; key=$2; shift 2
  header=$(printf '{"alg":"%s","cty":"application/vnd.cncf.notary.payload.v1+json","crit":["io.cncf.notary.signingScheme"],"io.cncf.notary.signingScheme":"notary.x509","io.cncf.notary.signingTime":"2026-12-05T12:00:00Z"}' "$alg" | b64url)
  printf '%s.%s' "$header" "$payload" > "$work/input"
  case $alg in
    ES256)
      openssl dgst -sha256 -sign "$key" -out "$work/sig.der" "$work/input"
      # JWS wants r||s, 32 bytes each (RFC 7518 3.4); openssl writes a DER SEQUENCE of two INTEGERs.
      signature=$(openssl asn1parse -inform DER -in "$work/sig.der" | awk -F: '/INTEGER/ {print $NF}' \
        | while read -r hex; do printf '%064s' "$(printf '%s' "$hex" | sed 's/^0*//')" | tr ' ' 0; done | xxd -r -p | b64url) ;;
    PS256)
      signature=$(openssl dgst -sha256 -sign "$key" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 "$work/input" | b64url) ;;
  esac
  chain=""
  for certificate in "$@"; do chain="$chain${chain:+,}\"$(der "$certificate")\""; done
  printf '{"payload":"%s","protected":"%s","header":{"x5c":[%s],"io.cncf.notary.signingAgent":"openssl"},"signature":"%s"}\n' \
    "$payload" "$header" "$chain" "$signature"
}

envelope ES256 "$work/leaf.key" "$work/leaf.pem" openssl-ca.pem > openssl-es256-envelope.json
envelope PS256 "$work/rsa.key" openssl-ps256-certificate.pem > openssl-ps256-envelope.json
rm -f openssl-ca.srl
