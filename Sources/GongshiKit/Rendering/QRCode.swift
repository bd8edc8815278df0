import CQRencode

/// A QR code drawn at build time as inline SVG, encoded by libqrencode. The only file that imports CQRencode.
public enum QRCode {
    /// Inline SVG for `text`, or nil when it cannot be encoded (empty, longer than a version 40 symbol holds)
    /// or the geometry is invalid. Identical arguments give identical bytes.
    ///
    /// The text is encoded as its UTF-8 bytes in 8-bit mode at error-correction level M (about 15 % of the symbol
    /// may be damaged), in the smallest version that fits. `moduleSize` is the pixel size of one module in the
    /// `width`/`height` attributes; `quietZone` is the light margin in modules (scanners need 4).
    public static func svg(for text: String, title: String, moduleSize: Int = 4, quietZone: Int = 4) -> String? {
        guard moduleSize > 0, quietZone >= 0, let modules = darkModules(for: text) else { return nil }
        let side = modules.count + 2 * quietZone
        let pixels = side * moduleSize
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges"><title>\(title.xmlEscaped)</title>\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="none" stroke="#000" d="\(pathData(modules, offset: quietZone))"/></svg>
            """
    }

    /// The symbol as rows of modules, `true` for dark; nil when libqrencode refuses the input.
    private static func darkModules(for text: String) -> [[Bool]]? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, let size = Int32(exactly: bytes.count),
            let code = QRcode_encodeData(size, bytes, 0, QR_ECLEVEL_M)
        else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        // Bit 0 of each byte is the module colour; the other bits only say which function pattern it belongs to.
        return (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 != 0 } }
    }

    /// Each row of modules as one line one module wide, stroked through the middle of the row: `M x y.5` moves to the
    /// row's first dark run, `h length` draws a run and `m gap 0` skips the light modules to the next one. About 6
    /// bytes a run, where a filled rectangle per run (`M x y h length v1 h -length z`) took 14: a poster's 13 codes
    /// were 87 % of its bytes.
    private static func pathData(_ modules: [[Bool]], offset: Int) -> String {
        var path = ""
        for (y, row) in modules.enumerated() {
            var x = 0
            var end: Int? = nil  // where the row's previous run ended
            while x < row.count {
                guard row[x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < row.count, row[x] { x += 1 }
                if let end {
                    path += "m\(start - end) 0h\(x - start)"
                } else {
                    path += "M\(start + offset) \(y + offset).5h\(x - start)"
                }
                end = x
            }
        }
        return path
    }
}
