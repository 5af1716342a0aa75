/* Test prefixes only: Windows 10 (1903+) has icuuc.dll, Wine 8.0 does not. Qt6Core imports
 * these ICU converter functions from it at load time; this stand-in reports every converter
 * as unavailable, so Qt falls back to its own UTF-8/UTF-16/Latin-1 codecs. */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
typedef uint16_t UChar;
typedef struct UConverter UConverter;
typedef void (*UConverterCallback)(void);

enum { U_FILE_ACCESS_ERROR = 4, U_UNSUPPORTED_ERROR = 16 };

static int32_t fail(UErrorCode *error) {
    if (error && *error <= 0) *error = U_UNSUPPORTED_ERROR;
    return 0;
}

UConverter *ucnv_open(const char *name, UErrorCode *error) {
    (void)name;
    if (error && *error <= 0) *error = U_FILE_ACCESS_ERROR;
    return NULL;
}
void ucnv_close(UConverter *converter) { (void)converter; }
void ucnv_reset(UConverter *converter) { (void)converter; }
int8_t ucnv_getMaxCharSize(const UConverter *converter) { (void)converter; return 1; }
const char *ucnv_getName(const UConverter *converter, UErrorCode *error) {
    (void)converter;
    fail(error);
    return NULL;
}
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error) {
    (void)name, (void)standard;
    fail(error);
    return NULL;
}
int32_t ucnv_countAvailable(void) { return 0; }
const char *ucnv_getAvailableName(int32_t index) { (void)index; return NULL; }
void ucnv_getToUCallBack(const UConverter *c, UConverterCallback *action, const void **context) {
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
void ucnv_getFromUCallBack(const UConverter *c, UConverterCallback *action, const void **context) {
    ucnv_getToUCallBack(c, action, context);
}
void ucnv_setToUCallBack(UConverter *c, UConverterCallback action, const void *context,
                         UConverterCallback *old_action, const void **old_context, UErrorCode *error) {
    (void)c, (void)action, (void)context, (void)old_action, (void)old_context;
    fail(error);
}
void ucnv_setFromUCallBack(UConverter *c, UConverterCallback action, const void *context,
                           UConverterCallback *old_action, const void **old_context, UErrorCode *error) {
    ucnv_setToUCallBack(c, action, context, old_action, old_context, error);
}
void ucnv_toUnicode(UConverter *c, UChar **target, const UChar *target_limit, const char **source,
                    const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *error) {
    (void)c, (void)target, (void)target_limit, (void)source, (void)source_limit, (void)offsets,
        (void)flush;
    fail(error);
}
void ucnv_fromUnicode(UConverter *c, char **target, const char *target_limit, const UChar **source,
                      const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *error) {
    (void)c, (void)target, (void)target_limit, (void)source, (void)source_limit, (void)offsets,
        (void)flush;
    fail(error);
}
int32_t ucnv_toUCountPending(const UConverter *c, UErrorCode *error) { (void)c; return fail(error); }
int32_t ucnv_fromUCountPending(const UConverter *c, UErrorCode *error) { (void)c; return fail(error); }
void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                           UErrorCode *error) {
    (void)args, (void)source, (void)length, (void)offset;
    fail(error);
}
void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                             int32_t offset, UErrorCode *error) {
    (void)args, (void)source, (void)source_limit, (void)offset;
    fail(error);
}
void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
