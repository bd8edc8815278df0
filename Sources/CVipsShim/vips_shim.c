#include "vips_shim.h"
#include <vips/vips.h>

int gongshi_vips_init(void) {
    return VIPS_INIT("gongshi");
}

const char *gongshi_vips_version(void) {
    return vips_version_string();
}
