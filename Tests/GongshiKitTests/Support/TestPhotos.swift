import Foundation

@testable import GongshiKit

/// Photos as the image stage hands them to the pages (`ImageFile`), made by hand: each version's cached file is a
/// temporary file of unique bytes, so a test can find them in the output and tell them apart.
enum TestPhotos {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-test-photos-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// A photo captioned `caption` whose versions are named `<tag>-480.jpg` and `<tag>-1280.jpg` (one version,
    /// `<tag>-<width>.jpg`, when `width` is at most the small width: never upscaled).
    static func make(_ tag: String, caption: String, width: Int = 4000, height: Int = 3000) -> ImageFile {
        func variant(_ target: Int) -> ImageVariant {
            let w = min(width, target)
            let h = (height * w + width / 2) / width
            let name = "\(tag)-\(w).jpg"
            let file = folder.appendingPathComponent(name)
            try? Data("bytes of \(name)".utf8).write(to: file)
            return ImageVariant(name: name, width: w, height: h, cachedFile: file.path)
        }
        let small = variant(PhotoSettings.smallWidth)
        let large = width <= PhotoSettings.smallWidth ? small : variant(PhotoSettings.largeWidth)
        return ImageFile(caption: caption, sourceHash: SHA256.hex(Data(tag.utf8)), small: small, large: large)
    }

    /// The bytes `make` wrote for a version.
    static func bytes(_ variant: ImageVariant) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: variant.cachedFile))) ?? Data() }
}
