import Foundation
import Testing

@testable import GongshiKit

/// What an attachment's first bytes say it is.
@Suite("Attachment signatures")
struct AttachmentSignatureTests {
    @Test func eachAllowedFormatIsRecognisedByItsSignature() {
        #expect(AttachmentSignature(AttachmentBytes.pdf()) == .pdf)
        #expect(AttachmentSignature(AttachmentBytes.jpeg()) == .jpeg)
        #expect(AttachmentSignature(AttachmentBytes.png()) == .png)
        #expect(AttachmentSignature(AttachmentBytes.docx()) == .docx)
        #expect(AttachmentSignature(AttachmentBytes.xlsx()) == .xlsx)
        #expect(AttachmentSignature(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])) == .zip)
        #expect(AttachmentSignature(Data()) == .empty)
    }

    /// Long Chinese text (a character cut at the sample's end), a BOM, CRLF: still text. Control bytes: not text.
    @Test func textIsTextWhereverTheSampleEnds() {
        for pad in 0..<3 {
            let text = String(repeating: "a", count: pad) + String(repeating: "党务公开\r\n", count: 2000)
            #expect(AttachmentSignature(Data(text.utf8)) == .text, "pad \(pad)")
        }
        #expect(AttachmentSignature(Data([0xEF, 0xBB, 0xBF]) + Data("---\ntitle: x\n".utf8)) == .text)
        #expect(AttachmentSignature(Data("GIF89a".utf8) + Data([0x00, 0x01])) == .unknown)
        #expect(AttachmentSignature(Data([0xC3, 0x28, 0x41])) == .unknown, "invalid UTF-8")
    }

    @Test func extensionsMapToTheirFormat() {
        #expect(
            ["pdf", "jpg", "jpeg", "png", "docx", "xlsx"].compactMap(AttachmentSignature.init(extension:))
                == [.pdf, .jpeg, .jpeg, .png, .docx, .xlsx])
        #expect(Attachment.allowedExtensions.allSatisfy { AttachmentSignature(extension: $0) != nil }, "every allowed type is checked")
    }
}
