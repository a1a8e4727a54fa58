import ArgumentParser
import Reports

extension Language: ExpressibleByArgument {}

/// `--lang`: the language of what people read. Without it, the batch's `[batch] language`,
/// else the locale.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of what people read: zh or en (default: batch.toml [batch] language, else the locale).")
    var lang: Language?

    /// The language for a batch whose `[batch] language` is `batchLanguage`.
    func resolve(batch batchLanguage: String? = nil) -> Language {
        lang ?? Language.resolve(nil, batch: batchLanguage)
    }
}
