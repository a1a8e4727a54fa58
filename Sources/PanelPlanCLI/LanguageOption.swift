import ArgumentParser
import Phrasebook
import Reports

extension Language: ExpressibleByArgument {}

/// `--lang`: the language of what people read. Without it, the batch's `[batch] language`,
/// else Chinese for a batch with a Chinese name, else the locale.
struct LanguageOption: ParsableArguments {
    @Option(
        help: Help.argument("help.language-of-what-people-read"))
    var lang: Language?

    /// The language for a batch whose `[batch] language` is `batchLanguage` and whose name is
    /// `name`.
    func resolve(batch batchLanguage: String? = nil, name: String? = nil) -> Language {
        lang ?? Language.resolve(nil, batch: batchLanguage, batchName: name)
    }
}
