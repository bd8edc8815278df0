import Foundation

/// Minimal bytes that carry each allowed attachment type's signature, followed by `tail`.
enum AttachmentBytes {
    static func pdf(_ tail: String = "") -> Data { Data("%PDF-1.4\n\(tail)".utf8) }
    static func jpeg(_ tail: String = "") -> Data { Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(tail.utf8) }
    static func png(_ tail: String = "") -> Data { Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(tail.utf8) }
    /// A ZIP local header naming `[Content_Types].xml`, then one naming the Word or Excel part.
    static func office(_ folder: String, _ tail: String = "") -> Data {
        Data([0x50, 0x4B, 0x03, 0x04]) + Data("....[Content_Types].xml....".utf8) + Data([0x50, 0x4B, 0x03, 0x04])
            + Data("....\(folder)/document.xml\(tail)".utf8)
    }
    static func docx(_ tail: String = "") -> Data { office("word", tail) }
    static func xlsx(_ tail: String = "") -> Data { office("xl", tail) }
}
