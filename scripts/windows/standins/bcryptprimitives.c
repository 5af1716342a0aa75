/* Test prefixes only: Windows 10 has bcryptprimitives.dll!ProcessPrng, Wine 8.0 does not.
 * cryptography (Rust's getrandom) imports it; this stand-in asks Wine's bcrypt instead. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
