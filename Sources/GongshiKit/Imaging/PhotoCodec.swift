import CVipsShim
import Foundation

/// libvips through gongshi's C shim: the only file that imports `CVipsShim`. libvips is started once per process with
/// its own safety settings (see `gongshi_vips_init`): every loader blocked but JPEG, PNG, WebP and HEIF.
enum PhotoCodec {
    /// A source's header, read without decoding its pixels.
    struct Header: Equatable, Sendable {
        var width: Int
        var height: Int
        /// More than 1 for an animation.
        var pages: Int
        /// EXIF orientation 1–8.
        var orientation: Int

        /// The size as shown, after the orientation is applied (5–8 swap width and height).
        var orientedWidth: Int { (5...8).contains(orientation) ? height : width }
        var orientedHeight: Int { (5...8).contains(orientation) ? width : height }
    }

    /// Encoded bytes and their size in pixels.
    struct Encoded: Sendable {
        var data: Data
        var width: Int
        var height: Int
    }

    /// libvips' text of a failure (English), for the operator.
    struct Failure: Error, Sendable {
        var text: String
        /// Not libvips' failure: the cache could not be written.
        var isWrite = false
    }

    private static let started: Bool = gongshi_vips_init() == 0

    /// The libvips version, such as "8.14.1"; part of the output names' digest, so that another libvips (another
    /// encoder) makes new names.
    static var version: String {
        guard started else { return "unavailable" }
        return String(cString: gongshi_vips_version())
    }

    /// The header of `data`, read by the loader of `type` only.
    static func probe(_ data: Data, type: PhotoSignature) -> Result<Header, Failure> {
        guard started, let code = type.vipsType else { return .failure(Failure(text: "libvips unavailable")) }
        var header = gongshi_vips_header()
        let result = data.withUnsafeBytes { gongshi_vips_probe($0.baseAddress, $0.count, code, &header) }
        guard result == 0 else { return .failure(lastError()) }
        return .success(
            Header(
                width: Int(header.width), height: Int(header.height), pages: Int(header.pages),
                orientation: Int(header.orientation)))
    }

    /// The whole source decoded (failing on truncated or corrupt data), turned upright, in sRGB, shrunk to `width`
    /// (never enlarged), as a JPEG of `quality` without any metadata; with `square`, the centre `width` × `width` as a
    /// PNG without metadata.
    static func resize(_ data: Data, width: Int, quality: Int, square: Bool = false) -> Result<Encoded, Failure> {
        guard started else { return .failure(Failure(text: "libvips unavailable")) }
        var output: UnsafeMutableRawPointer?
        var length = 0
        var outputWidth: Int32 = 0
        var outputHeight: Int32 = 0
        let result = data.withUnsafeBytes {
            gongshi_vips_resize(
                $0.baseAddress, $0.count, Int32(width), Int32(quality), square ? 1 : 0, &output, &length, &outputWidth,
                &outputHeight)
        }
        guard result == 0, let output else { return .failure(lastError()) }
        defer { gongshi_vips_free(output) }
        return .success(Encoded(data: Data(bytes: output, count: length), width: Int(outputWidth), height: Int(outputHeight)))
    }

    private static func lastError() -> Failure {
        guard let text = gongshi_vips_error() else { return Failure(text: "") }
        defer { gongshi_vips_free(text) }
        return Failure(text: String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
