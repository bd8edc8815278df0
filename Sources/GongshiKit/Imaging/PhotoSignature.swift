import CVipsShim
import Foundation

/// What a photo's bytes are, from their first bytes, so that a photo is checked on what is actually read rather than
/// on its name: an SVG, an HTML page, a PDF or any text renamed `.jpg` is refused (and never handed to libvips), and
/// so is a PNG named `.jpg`. Never describes the content itself.
enum PhotoSignature: Equatable, Sendable {
    case jpeg, png, webp, heif
    /// Other formats, named in the message only.
    case gif, avif, bmp, tiff, pdf, svg, html, zip, video
    case empty
    /// UTF-8 text other than SVG or HTML (Markdown, YAML…).
    case text
    case unknown

    /// The kind the bytes are.
    init(_ data: Data) {
        let head = [UInt8](data.prefix(64))
        func starts(_ bytes: [UInt8]) -> Bool { head.starts(with: bytes) }
        if head.isEmpty {
            self = .empty
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.count >= 12, starts(Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) {
            self = .webp
        } else if head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) {
            // ISO media: a HEIF still image (an iPhone's HEIC), an AVIF, or a video (MP4, MOV, 3GP).
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["avif", "avis"].contains(brand) {
                self = .avif
            } else if ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevs", "mif1", "msf1"].contains(brand) {
                self = .heif
            } else {
                self = .video
            }
        } else if starts(Array("GIF8".utf8)) {
            self = .gif
        } else if starts(Array("BM".utf8)) {
            self = .bmp
        } else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            self = .tiff
        } else if starts(Array("%PDF-".utf8)) {
            self = .pdf
        } else if starts([0x50, 0x4B, 0x03, 0x04]) {
            self = .zip
        } else if let text = Self.text(data) {
            let lowered = text.lowercased()
            if lowered.contains("<svg") {
                self = .svg
            } else if lowered.contains("<html") || lowered.contains("<!doctype html") || lowered.contains("<body")
                || lowered.contains("<script")
            {
                self = .html
            } else {
                self = .text
            }
        } else {
            self = .unknown
        }
    }

    /// The kind a photo with this (lower-cased) extension must be; nil for an extension that is not a photo's.
    init?(extension ext: String) {
        switch ext {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        case "heic", "heif": self = .heif
        default: return nil
        }
    }

    /// The shim's type code, for the kinds libvips is allowed to read.
    var vipsType: Int32? {
        switch self {
        case .jpeg: return Int32(GONGSHI_VIPS_JPEG.rawValue)
        case .png: return Int32(GONGSHI_VIPS_PNG.rawValue)
        case .webp: return Int32(GONGSHI_VIPS_WEBP.rawValue)
        case .heif: return Int32(GONGSHI_VIPS_HEIF.rawValue)
        default: return nil
        }
    }

    /// 「JPEG 图片」…, for 「内容不是 …」.
    var label: String {
        switch self {
        case .jpeg: return "JPEG 图片"
        case .png: return "PNG 图片"
        case .webp: return "WebP 图片"
        case .heif: return "HEIC 图片"
        case .gif: return "GIF 图片"
        case .avif: return "AVIF 图片"
        case .bmp: return "BMP 图片"
        case .tiff: return "TIFF 图片"
        case .pdf: return "PDF 文件"
        case .svg: return "SVG 矢量图（其中可以含有脚本）"
        case .html: return "HTML 网页"
        case .zip: return "ZIP 压缩包"
        case .video: return "视频（MP4、MOV 等）"
        case .empty: return "空文件"
        case .text: return "文字"
        case .unknown: return "无法识别的格式"
        }
    }

    /// What the file turned out to be, for 「（…）」: never quotes the content.
    var found: String {
        switch self {
        case .empty: return "文件是空的"
        case .text: return "文件开头是文字"
        case .unknown: return "文件开头不是任何图片格式"
        default: return "文件其实是 \(label)"
        }
    }

    /// The first 4 KB as text, when they are UTF-8 (a character cut at the end allowed) without NUL.
    private static func text(_ data: Data) -> String? {
        var bytes = [UInt8](data.prefix(4096))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard !bytes.contains(0) else { return nil }
        for cut in 0...min(3, bytes.count) {
            if let text = String(bytes: bytes[0..<(bytes.count - cut)], encoding: .utf8) { return text }
        }
        return nil
    }
}

extension PhotoSignature {
    /// Whether a WebP is an animation: its `VP8X` header's animation flag (libvips is asked for every frame too).
    static func isAnimatedWebP(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(21))
        return bytes.count == 21 && Array(bytes[12..<16]) == Array("VP8X".utf8) && bytes[20] & 0x02 != 0
    }

    /// Whether a HEIF file is an image sequence (major brand `msf1` or `hevs`): an animation.
    static func isImageSequence(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(12))
        return bytes.count == 12 && ["msf1", "hevs"].contains(String(decoding: bytes[8..<12], as: UTF8.self))
    }

    /// Whether a PNG is an animation (APNG: an `acTL` chunk before the first `IDAT`), which libvips would read as its
    /// first frame only.
    static func isAnimatedPNG(_ data: Data) -> Bool {
        var offset = 8
        let bytes = [UInt8](data.prefix(1 << 20))
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if type == "acTL" { return true }
            if type == "IDAT" || type == "IEND" { return false }
            offset += 12 + length
        }
        return false
    }
}
