/// The string table's sentences of the TOML reader (batch.toml, scenario files): what is wrong
/// with the text at a line and column, in either language.
extension Strings {
    static let toml: [String: (zh: String, en: String)] = [
        "toml.end-of-text": ("文本末尾", "the end of the text"),
        "toml.end-of-line": ("行尾", "the end of the line"),
        "toml.control-character": ("控制字符 U+{code}", "the control character U+{code}"),
        "toml.character": ("「{character}」", "'{character}'"),
        "toml.after-header": ("表头", "the table header"),
        "toml.after-value": ("值", "the value"),
        "toml.holds-value": ("一个值", "a value"),
        "toml.holds-inline-table": (
            "一个内联表（内联表不能扩展）",
            "an inline table, which cannot be extended"
        ),
        "toml.created-by-header": ("由表头隐式创建", "created by the header"),
        "toml.defined-by-header": ("由表头定义", "defined by a header"),
        "toml.array": ("数组", "array"),
        "toml.inline-table": ("内联表", "inline table"),
        "toml.bare-key-rule": (
            "不加引号的键只能包含 A-Z a-z 0-9 _ -",
            "bare keys may hold only A-Z a-z 0-9 _ -"
        ),
        "toml.nul": (
            "TOML 文本中不允许 NUL 字节（U+0000）",
            "NUL bytes (U+0000) are not allowed in TOML text"
        ),
        "toml.not-utf8": (
            "文本不是有效的 UTF-8（字节 {byte}）；请将文件另存为 UTF-8",
            "the text is not valid UTF-8 (byte {byte}); save the file as UTF-8"
        ),
        "toml.too-long": (
            "文本长 {count} 字节；最多读取 {limit} 字节（1 MiB）",
            "the text is {count} bytes long; at most {limit} bytes (1 MiB) are read"
        ),
        "toml.in-comment": ("注释中不允许出现{what}", "{what} is not allowed in a comment"),
        "toml.lone-cr": (
            "回车符（CR）后必须紧跟换行符（LF）；行尾请用 LF 或 CRLF",
            "a carriage return (CR) must be followed by a line feed (LF); end lines with LF or CRLF"
        ),
        "toml.unexpected-after": (
            "{after}之后出现了多余的{what}；每个「键 = 值」和每个 [表] 表头各占一行",
            "unexpected {what} after {after}; put each key = value pair and each [table] header on a line of its own"
        ),
        "toml.array-of-tables": ("不支持表数组（[[名称]]）", "arrays of tables ([[name]]) are not supported"),
        "toml.header-unclosed": (
            "表头应以「]」结束，却遇到{found}",
            "expected ']' to close the table header, found {found}"
        ),
        "toml.expected-equals": (
            "键「{key}」之后应为「=」，却遇到{found}",
            "expected '=' after the key '{key}', found {found}"
        ),
        "toml.key-too-deep": (
            "一个键最多由 {limit} 个以点分隔的部分组成",
            "a key may have at most {limit} dotted parts"
        ),
        "toml.expected-key-at-end": (
            "此处应为键，却已到文本末尾",
            "expected a key, found the end of the text"
        ),
        "toml.multiline-key": ("多行字符串不能作为键", "multi-line strings cannot be keys"),
        "toml.bad-key": (
            "此处应为键，却遇到{found}；{rule}，其他名称请加引号",
            "expected a key, found {found}; {rule}, so quote other names"
        ),
        "toml.quote-key": ("{rule}；请加引号：{quoted}", "{rule}; quote it: {quoted}"),
        "toml.table-dotted": (
            "表 {table} 已在第 {line} 行由点分隔的键定义",
            "table {table} was already defined by dotted keys at line {line}"
        ),
        "toml.table-twice": (
            "表 {table} 定义了两次：第一次在第 {line} 行",
            "table {table} is defined twice: first at line {line}"
        ),
        "toml.cannot-open": (
            "无法打开 {table}：键「{key}」已存放{what}（第 {line} 行）",
            "cannot open {table}: key '{key}' already holds {what} (line {line})"
        ),
        "toml.dotted-into-header": (
            "无法用点分隔的键向表 [{table}] 添加键：该表已在第 {line} 行{how}",
            "cannot add keys to table [{table}] with dotted keys: it was {how} at line {line}"
        ),
        "toml.key-holds": (
            "键「{key}」已存放{what}（第 {line} 行）",
            "key '{key}' already holds {what} (line {line})"
        ),
        "toml.duplicate-key": (
            "键「{key}」重复：已在第 {line} 行定义",
            "duplicate key '{key}': it is already defined at line {line}"
        ),
        "toml.expected-value-at-end": (
            "此处应为值，却已到文本末尾",
            "expected a value, found the end of the text"
        ),
        "toml.multiline-string": (
            "不支持多行字符串（{quotes}）；请在单行字符串中写 \\n",
            "multi-line strings ({quotes}) are not supported; write \\n in a one-line string"
        ),
        "toml.expected-value": (
            "此处应为值（带引号的字符串、数字、true/false、日期、数组或内联表），"
                + "却遇到{found}",
            "expected a value (a quoted string, number, true/false, date, array or inline table), found {found}"
        ),
        "toml.string-unclosed": (
            "字符串没有结束：请在{end}之前加上 {quote}",
            "the string is not closed: add {quote} before {end}"
        ),
        "toml.control-in-string-escape": (
            "字符串中不允许出现{what}；请写成 {code}",
            "{what} is not allowed in a string; write {code}"
        ),
        "toml.control-in-string": ("字符串中不允许出现{what}", "{what} is not allowed in a string"),
        "toml.bad-escape": (
            "无效的转义：反斜杠后跟{found}；请用 \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX 或 \\UXXXXXXXX",
            "invalid escape: a backslash followed by {found}; use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX"
        ),
        "toml.hex-digits": (
            "\\{letter} 之后必须恰好跟 {digits} 位十六进制数字",
            "\\{letter} must be followed by exactly {digits} hex digits"
        ),
        "toml.escaped-nul": (
            "字符串中不允许出现 {escape}（NUL）",
            "{escape} (NUL) is not allowed in a string"
        ),
        "toml.not-scalar": (
            "{escape} 不是 Unicode 标量值（不允许代理项 D800-DFFF 和大于 10FFFF 的值）",
            "{escape} is not a Unicode scalar value (surrogates D800-DFFF and values above 10FFFF are not allowed)"
        ),
        "toml.nested-too-deep": (
            "数组和内联表最多嵌套 {limit} 层",
            "arrays and inline tables may be nested at most {limit} deep"
        ),
        "toml.tables-too-deep": ("表最多嵌套 {limit} 层", "tables may be nested at most {limit} deep"),
        "toml.array-separator": (
            "数组中此处应为「,」或「]」，却遇到{found}",
            "expected ',' or ']' in the array, found {found}"
        ),
        "toml.inline-separator": (
            "内联表中此处应为「,」或「}」，却遇到{found}",
            "expected ',' or '}' in the inline table, found {found}"
        ),
        "toml.inline-trailing-comma": (
            "内联表末尾不允许有逗号",
            "a trailing comma is not allowed in an inline table"
        ),
        "toml.inline-one-line": (
            "内联表必须在它开始的那一行以「}」结束",
            "an inline table must be closed with '}' on the line where it starts"
        ),
        "toml.unclosed": (
            "始于第 {line} 行第 {column} 列的{what}没有以「{closer}」结束",
            "the {what} opened at line {line}, column {column} is not closed with '{closer}'"
        ),
        "toml.not-finite": (
            "不允许 {text}：数字必须是有限值",
            "{text} is not allowed: numbers must be finite"
        ),
        "toml.bare-text": (
            "「{text}」不是有效的值；文本请加引号：{quoted}",
            "'{text}' is not a valid value; put text in quotes: {quoted}"
        ),
        "toml.no-times": (
            "不支持时刻：请给出日期，例如 2026-03-02",
            "times are not supported: give a date like 2026-03-02"
        ),
        "toml.date-form": (
            "{text} 不是有效的日期；请写成 YYYY-MM-DD，例如 2026-03-02",
            "{text} is not a valid date; write YYYY-MM-DD, e.g. 2026-03-02"
        ),
        "toml.date-year": (
            "{text} 不是有效的日期：年份为 0001 到 9999",
            "{text} is not a valid date: years run from 0001 to 9999"
        ),
        "toml.date-month": (
            "{text} 不是有效的日期：月份为 01 到 12",
            "{text} is not a valid date: months run from 01 to 12"
        ),
        "toml.date-day": (
            "{text} 不是有效的日期：该月的日为 01 到 {last}",
            "{text} is not a valid date: that month has days 01 to {last}"
        ),
        "toml.signed-radix": (
            "{text}：十六进制、八进制和二进制整数不能带正负号",
            "{text}: hexadecimal, octal and binary integers may not have a sign"
        ),
        "toml.bad-number": ("{text} 不是有效的数字", "{text} is not a valid number"),
        "toml.leading-zeros": ("{text}：不允许有前导零", "{text}: leading zeros are not allowed"),
        "toml.decimal-point": (
            "{text}：小数点两侧都需要数字",
            "{text}: a decimal point needs digits on both sides"
        ),
        "toml.exponent": ("{text}：指数的 e 之后需要数字", "{text}: an exponent needs digits after the e"),
        "toml.float-too-large": (
            "{text} 不是有限的数字（超出 64 位浮点数的范围）",
            "{text} is not a finite number (it is too large for a 64-bit float)"
        ),
        "toml.integer-overflow": (
            "{text} 超出 64 位整数的范围（{min} 到 {max}）",
            "{text} does not fit in a 64-bit integer ({min} to {max})"
        ),
    ]
}
