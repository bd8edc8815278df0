// OpenSSL's SHA-256 with a caller-owned context (a plain struct, so the Swift wrapper stays a value type).
// OpenSSL 3 marks these low-level calls deprecated in favour of EVP, whose contexts are heap objects.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
// CRYPTO_memcmp: the studio compares CSRF tokens in constant time.
#include <openssl/crypto.h>
