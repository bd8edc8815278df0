/// Metadata blocks that a JPEG or PNG attachment would publish byte for byte: a phone writes the photographer's GPS
/// position, the time and the device into EXIF, and editors add XMP and IPTC. Attachments are copied unchanged (only
/// photos listed under `images` are re-encoded without metadata), so an image attachment that carries any of these
/// blocks is refused. Found by walking the file's own structure (JPEG segments up to the image data, PNG chunks up to
/// `IDAT`), never by decoding it.
enum AttachmentMetadata {
    /// The names of the metadata blocks in `data` (「EXIF」, 「XMP」…), empty when it has none or is neither format.
    static func blocks(in data: [UInt8]) -> [String] {
        if data.starts(with: [0xFF, 0xD8]) { return jpegBlocks(data) }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return pngBlocks(data) }
        return []
    }

    /// APP1 `Exif\0\0` or XMP, APP13 (Photoshop, IPTC), before the start of scan.
    static func jpegBlocks(_ data: [UInt8]) -> [String] {
        var found: [String] = []
        var offset = 2
        while offset + 4 <= data.count, data[offset] == 0xFF {
            let marker = data[offset + 1]
            // Fill bytes, and the markers without a length.
            if marker == 0xFF {
                offset += 1
                continue
            }
            if marker == 0xDA || marker == 0xD9 { break }
            let length = Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            guard length >= 2 else { break }
            let body = data[(offset + 4)..<min(data.count, offset + 2 + length)]
            switch marker {
            case 0xE1 where body.starts(with: Array("Exif\0\0".utf8)): found.append("EXIF")
            case 0xE1 where body.starts(with: Array("http://ns.adobe.com/xap/1.0/".utf8)): found.append("XMP")
            case 0xED: found.append("IPTC")
            default: break
            }
            offset += 2 + length
        }
        return found
    }

    /// `eXIf`, and the text chunks (`tEXt`, `zTXt`, `iTXt`, where XMP goes), before the image data.
    static func pngBlocks(_ data: [UInt8]) -> [String] {
        var found: [String] = []
        var offset = 8
        while offset + 8 <= data.count {
            let length = Int(data[offset]) << 24 | Int(data[offset + 1]) << 16 | Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            let type = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if type == "IDAT" || type == "IEND" { break }
            switch type {
            case "eXIf": found.append("EXIF")
            case "tEXt", "zTXt", "iTXt": found.append("文字信息（\(type)）")
            default: break
            }
            guard length >= 0, length <= data.count else { break }
            offset += 12 + length
        }
        return found
    }
}
