import ArgumentParser
import Foundation
import Phrasebook

/// The language of `--help` and of the usage: `--lang` on the command line, else the locale.
/// Help is printed before any batch is read, so a batch's own language cannot choose it.
enum Help {
    static let language: Language = {
        let arguments = CommandLine.arguments
        var flag: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count {
                flag = arguments[index + 1]
            } else if argument.hasPrefix("--lang=") {
                flag = String(argument.dropFirst("--lang=".count))
            }
        }
        return Language.resolve(flag)
    }()

    /// A command's abstract or discussion.
    static func text(_ key: String) -> String {
        Strings.text(key, language)
    }

    /// A usage error (exit 64) saying the table's `key` with `values`.
    static func usage(_ key: String, _ values: [String: String] = [:]) -> ValidationError {
        ValidationError(Strings.fill(key, language, values))
    }

    /// An argument's help.
    static func argument(_ key: String) -> ArgumentHelp {
        ArgumentHelp(text(key))
    }
}
