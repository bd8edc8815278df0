import Foundation

extension TemplateLibrary {
    /// The templates of a run: `--templates` if given, else `<source>/templates`, else the built-in `DefaultTheme`.
    ///
    /// Only the implicit `<source>/templates` falls back: a `--templates` folder that does not exist is still an error.
    public static func load(for options: BuildOptions) -> (TemplateLibrary?, [Diagnostic]) {
        let directory = options.resolvedTemplatesDirectory
        if options.templatesDirectory == nil, !FileManager.default.fileExists(atPath: directory.path) {
            return make(from: DefaultTheme.source)
        }
        return load(from: directory)
    }
}
