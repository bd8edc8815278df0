#include "vips_shim.h"
#include <vips/vips.h>

// libvips' warnings (a damaged tile…) would go to stderr beside gongshi's own messages; its errors are what counts.
static void silent(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain;
    (void)level;
    (void)message;
    (void)data;
}

int gongshi_vips_init(void) {
    if (VIPS_INIT("gongshi") != 0) return -1;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, silent, NULL);
    // gongshi processes several photos at once; each runs on one libvips thread, so memory stays proportional to the
    // number of cores.
    vips_concurrency_set(1);
    vips_cache_set_max(8);
    vips_cache_set_max_mem(16 * 1024 * 1024);
    vips_cache_set_max_files(8);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    vips_operation_block_set("VipsForeignLoadJpeg", FALSE);
    vips_operation_block_set("VipsForeignLoadPng", FALSE);
    vips_operation_block_set("VipsForeignLoadWebp", FALSE);
    vips_operation_block_set("VipsForeignLoadHeif", FALSE);
    return 0;
}

const char *gongshi_vips_version(void) {
    return vips_version_string();
}

static int load_header(const void *buffer, size_t length, int type, VipsImage **image) {
    void *bytes = (void *)buffer;
    switch (type) {
    case GONGSHI_VIPS_JPEG: return vips_jpegload_buffer(bytes, length, image, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    case GONGSHI_VIPS_PNG: return vips_pngload_buffer(bytes, length, image, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    case GONGSHI_VIPS_WEBP:
        // n = -1: every frame, so that an animation shows as several pages.
        return vips_webpload_buffer(bytes, length, image, "fail_on", VIPS_FAIL_ON_ERROR, "n", -1, NULL);
    case GONGSHI_VIPS_HEIF:
        return vips_heifload_buffer(bytes, length, image, "fail_on", VIPS_FAIL_ON_ERROR, "n", -1, NULL);
    default: vips_error("gongshi", "unknown image type %d", type); return -1;
    }
}

int gongshi_vips_probe(const void *buffer, size_t length, int type, gongshi_vips_header *header) {
    VipsImage *image = NULL;
    if (load_header(buffer, length, type, &image) != 0) return -1;
    header->width = vips_image_get_width(image);
    header->pages = vips_image_get_n_pages(image);
    int page_height = vips_image_get_page_height(image);
    header->height = header->pages > 1 && page_height > 0 ? page_height : vips_image_get_height(image);
    header->orientation = vips_image_get_orientation(image);
    g_object_unref(image);
    return 0;
}

int gongshi_vips_resize(
    const void *buffer, size_t length, int width, int quality, int square, void **output, size_t *output_length,
    int *output_width, int *output_height) {
    VipsImage *thumbnail = NULL;
    int result;
    if (square) {
        result = vips_thumbnail_buffer(
            (void *)buffer, length, &thumbnail, width, "height", width, "crop", VIPS_INTERESTING_CENTRE, "size",
            VIPS_SIZE_DOWN, "fail_on", VIPS_FAIL_ON_ERROR, "option_string", "fail_on=error", NULL);
    } else {
        result = vips_thumbnail_buffer(
            (void *)buffer, length, &thumbnail, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "fail_on",
            VIPS_FAIL_ON_ERROR, "option_string", "fail_on=error", NULL);
    }
    if (result != 0) return -1;
    VipsImage *current = thumbnail;
    VipsImage *next = NULL;
    if (vips_image_get_interpretation(current) != VIPS_INTERPRETATION_sRGB) {
        if (vips_colourspace(current, &next, VIPS_INTERPRETATION_sRGB, NULL) != 0) {
            g_object_unref(current);
            return -1;
        }
        g_object_unref(current);
        current = next;
    }
    if (vips_image_hasalpha(current) && !square) {
        VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        result = vips_flatten(current, &next, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        g_object_unref(current);
        if (result != 0) return -1;
        current = next;
    }
    if (square) {
        result = vips_pngsave_buffer(current, output, output_length, "strip", TRUE, NULL);
    } else {
        result = vips_jpegsave_buffer(
            current, output, output_length, "Q", quality, "strip", TRUE, "interlace", TRUE, "optimize_coding", TRUE,
            NULL);
    }
    if (result == 0) {
        *output_width = vips_image_get_width(current);
        *output_height = vips_image_get_height(current);
    }
    g_object_unref(current);
    return result == 0 ? 0 : -1;
}

void gongshi_vips_free(void *pointer) {
    g_free(pointer);
}

char *gongshi_vips_error(void) {
    char *text = g_strdup(vips_error_buffer());
    vips_error_clear();
    return text;
}
