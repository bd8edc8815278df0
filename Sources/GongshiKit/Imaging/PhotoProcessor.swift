import Foundation

/// One source photo, checked and made into its published versions: read (unless the cache already knows its bytes),
/// its header probed with the loader of its type only, refused when too many pixels (before any pixel is decoded) or
/// animated, then decoded whole (truncated or corrupt data is an error), turned upright, stripped and resized into the
/// small and the large JPEG (and, for the logo, the square PNG favicon). A build writes them to the cache; `check`
/// decodes the source once to validate it and writes nothing.
struct PhotoProcessor: Sendable {
    /// A distinct source file to process.
    struct Job: Sendable {
        /// Relative to the source dir.
        var path: String
        /// The file that names it, for messages.
        var contentPath: String
        var status: FileStatus
        var favicon: Bool
    }

    /// What became of a job.
    enum Outcome: Sendable {
        case processed(Processed)
        case refused(String)
    }

    struct Processed: Sendable {
        var hash: String
        var outputs: PhotoCache.Outputs
        /// How many files were encoded for it (0 when all came from the cache).
        var encoded: Int
    }

    let cache: PhotoCache
    let root: String
    /// Whether encoded files are written to the cache (a build) or only validated (`check`).
    let writes: Bool

    func run(_ job: Job) -> Outcome {
        if let hash = cache.hash(of: job.path, status: job.status), let outputs = cache.outputs(of: hash, favicon: job.favicon) {
            return .processed(Processed(hash: hash, outputs: outputs, encoded: 0))
        }
        let data: Data
        switch PhotoLoader.read(job.path, under: root, contentPath: job.contentPath) {
        case .failure(let refusal): return .refused(refusal.message)
        case .success(let bytes): data = bytes
        }
        let hash = SHA256.hex(data)
        if let outputs = cache.outputs(of: hash, favicon: job.favicon) {
            return .processed(Processed(hash: hash, outputs: outputs, encoded: 0))
        }
        let type = PhotoSignature(data)
        if type == .png, PhotoSignature.isAnimatedPNG(data) { return .refused(Self.animated) }
        if type == .webp, PhotoSignature.isAnimatedWebP(data) { return .refused(Self.animated) }
        let header: PhotoCodec.Header
        switch PhotoCodec.probe(data, type: type) {
        case .failure(let failure): return .refused(Self.unreadable(failure))
        case .success(let value): header = value
        }
        if header.width * header.height > PhotoSettings.maximumPixels || header.width <= 0 || header.height <= 0 {
            return .refused(
                "有 \(header.width) × \(header.height) 像素（约 \(header.width * header.height / 1_000_000) 百万像素），"
                    + "超过每张照片 \(PhotoSettings.maximumPixels / 1_000_000) 百万像素的上限，gongshi 没有解码它（这样大的图片会耗尽内存）："
                    + "请先把照片缩小到 \(PhotoSettings.largeWidth * 2) 像素宽左右再放入")
        }
        // A HEIF file may hold other top-level images beside the photo (an iPhone's depth map or a burst); its
        // primary image is the photo. An image sequence has its own brand (`msf1`), never read as a still.
        if header.pages > 1, type != .heif { return .refused(Self.animated) }
        if type == .heif, PhotoSignature.isImageSequence(data) { return .refused(Self.animated) }
        return writes ? encode(data, hash: hash, header: header, favicon: job.favicon) : validate(data, hash: hash, header: header)
    }

    static let animated = "是动图（有多帧）：gongshi 不发布动图；请换成一张静止的照片（JPEG、PNG、WebP 或 HEIC）"

    /// Why a source that libvips could not decode is refused. libvips' own text is not quoted: its error buffer is
    /// shared by the threads decoding at the same time, so the text could be another photo's; what it says is only
    /// sorted into cut short or damaged.
    static func unreadable(_ failure: PhotoCodec.Failure) -> String {
        let text = failure.text.lowercased()
        let truncated = ["premature end", "truncated", "not enough data", "unexpected end", "read error"].contains { text.contains($0) }
        return truncated
            ? "无法解码：文件不完整（可能没有传完或下载完）；请重新从手机或电脑复制一份原始照片"
            : "无法解码：文件已损坏，不是一张完整的图片；请用手机或电脑打开看看，重新导出或复制一份原始照片"
    }

    /// Encodes the versions and writes them to the cache.
    private func encode(_ data: Data, hash: String, header: PhotoCodec.Header, favicon: Bool) -> Outcome {
        let prefix = cache.prefix(of: hash)
        var encoded = 0
        func make(_ width: Int, name: String, square: Bool = false) -> Result<PhotoCache.Stored, PhotoCodec.Failure> {
            switch PhotoCodec.resize(data, width: width, quality: PhotoSettings.jpegQuality, square: square) {
            case .failure(let failure): return .failure(failure)
            case .success(let result):
                do {
                    try cache.write(result.data, name: name)
                } catch {
                    return .failure(
                        PhotoCodec.Failure(text: "处理后无法写入缓存目录 \(cache.directory.path)（磁盘已满或没有权限）", isWrite: true))
                }
                encoded += 1
                return .success(PhotoCache.Stored(name: name, width: result.width, height: result.height, bytes: result.data.count))
            }
        }
        do {
            let large = try make(PhotoSettings.largeWidth, name: "\(prefix)-\(PhotoSettings.largeWidth).jpg").get()
            let small =
                header.orientedWidth <= PhotoSettings.smallWidth
                ? large : try make(PhotoSettings.smallWidth, name: "\(prefix)-\(PhotoSettings.smallWidth).jpg").get()
            var icon: PhotoCache.Stored?
            if favicon {
                let side = min(ImageStage.faviconSize, header.orientedWidth, header.orientedHeight)
                icon = try make(side, name: "\(prefix)-icon\(ImageStage.faviconSize).png", square: true).get()
            }
            return .processed(Processed(hash: hash, outputs: PhotoCache.Outputs(small: small, large: large, favicon: icon, used: 0), encoded: encoded))
        } catch {
            return .refused(error.isWrite ? error.text : Self.unreadable(error))
        }
    }

    /// Decodes the source once (at the small width: the whole file is still read) and says what a build would make.
    private func validate(_ data: Data, hash: String, header: PhotoCodec.Header) -> Outcome {
        if case .failure(let failure) = PhotoCodec.resize(data, width: PhotoSettings.smallWidth, quality: PhotoSettings.jpegQuality) {
            return .refused(Self.unreadable(failure))
        }
        let prefix = cache.prefix(of: hash)
        func planned(_ width: Int) -> PhotoCache.Stored {
            let shown = min(width, header.orientedWidth)
            let height = max(1, Int((Double(header.orientedHeight) * Double(shown) / Double(header.orientedWidth)).rounded()))
            return PhotoCache.Stored(name: "\(prefix)-\(width).jpg", width: shown, height: height, bytes: 0)
        }
        let large = planned(PhotoSettings.largeWidth)
        let small = header.orientedWidth <= PhotoSettings.smallWidth ? large : planned(PhotoSettings.smallWidth)
        return .processed(Processed(hash: hash, outputs: PhotoCache.Outputs(small: small, large: large, favicon: nil, used: 0), encoded: 0))
    }
}
