import Foundation

extension TemplateLibrary {
    /// The templates of a run: `--templates` if given, else `<source>/templates`, else the built-in `DefaultTheme`.
    ///
    /// Only the implicit `<source>/templates` falls back: a `--templates` folder that does not exist is still an error.
    public static func load(for options: BuildOptions) -> (TemplateLibrary?, [Diagnostic]) {
        let directory = options.resolvedTemplatesDirectory
        if options.templatesDirectory == nil {
            switch FileBytes.kind(atPath: directory.path) {
            case .missing: return make(from: DefaultTheme.source)
            case .symlink:
                // Like every symlink in the source dir; a theme kept elsewhere is named with --templates.
                let message = "源目录中的 templates 是符号链接：gongshi 不读取源目录中的符号链接；模板放在别处时请用 --templates 指定"
                return (nil, [Diagnostic(.error, "templates", line: 1, message)])
            default: break
            }
        }
        return load(from: directory, label: options.templatesLabel)
    }
}
