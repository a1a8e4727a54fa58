"""`--help` as people read it: in Chinese with `--lang zh` or a Chinese locale, in English
otherwise, every command's own texts from the string table. Run by `make test` with PANELPLAN_BIN."""
import os
import re
import subprocess
import tempfile
import unittest

BIN = os.environ.get("PANELPLAN_BIN", "")
if not os.path.isfile(BIN):
    raise SystemExit(f"PANELPLAN_BIN must name the built panelplan tool (got {BIN!r}); run `make test`")

COMMANDS = ["check", "plan", "status", "replan", "decline", "publish", "history", "diff", "export",
            "whatif", "generate", "verify-draw"]


def help_text(command, *extra, lang_env="C.UTF-8"):
    env = dict(os.environ, LANG=lang_env, LC_ALL=lang_env, LC_MESSAGES=lang_env)
    r = subprocess.run([BIN, command, "--help", *extra], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout


def own_lines(text):
    """The lines PanelPlan writes: the overview and the arguments' help, without the usage line
    and without argument-parser's own `--version` and `--help` entries."""
    lines = []
    for line in text.splitlines():
        if line.startswith(("USAGE:", "用法：")) or re.search(r"--version|-h, --help|Show (the version|help)", line):
            continue
        lines.append(line)
    return "\n".join(lines)


class Help(unittest.TestCase):
    def test_chinese_with_the_flag_and_with_the_locale(self):
        for command in COMMANDS:
            for text in (help_text(command, "--lang", "zh"), help_text(command, lang_env="zh_CN.UTF-8")):
                own = own_lines(text)
                self.assertRegex(own, r"概述：[\u4e00-\u9fff]", command)
                # argument-parser's own headings and lines, in Chinese too.
                for english in ("OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "Show help information.",
                                "Show the version.", "(default:", "(values:", "default:"):
                    self.assertNotIn(english, text, command)
                for chinese in ("用法：", "选项：", "显示帮助信息。", "显示版本号。"):
                    self.assertIn(chinese, text, command)
                # Each argument's help: Chinese words, no English sentence (option names,
                # file names and values such as `zh`, `json` stay as typed).
                sentences = re.findall(r"\b(?:The|the|Where|Seconds|Language|Who|Number|Seed)\b [a-z]+", own)
                self.assertEqual(sentences, [], f"{command}:\n{own}")

    def test_an_options_values_in_both_languages(self):
        zh = " ".join(help_text("export", "--lang", "zh").split())
        self.assertIn("（可选值：json, ics, xlsx-csv, xlsx, html, notices, all；默认：all）", zh)
        en = " ".join(help_text("export").split())
        self.assertIn("(values: json, ics, xlsx-csv, xlsx, html, notices, all; default: all)", en)

    def test_english_otherwise(self):
        text = " ".join(help_text("plan").split())
        self.assertIn("Plan dates and panels for every initial review and site inspection of a batch.", text)
        self.assertIn("The batch folder.", text)
        self.assertNotIn("批次", text)
        replan = " ".join(help_text("replan").split())
        self.assertIn("Exit codes: 0 nothing new to announce", replan)
        self.assertIn("退出码：0没有需要公布的新内容", "".join(help_text("replan", "--lang", "zh").split()))

    def test_parser_words_of_the_root_help(self):
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        zh = subprocess.run([BIN, "--help", "--lang", "zh"], capture_output=True, text=True, env=env)
        self.assertEqual(zh.returncode, 0, zh.stderr)
        self.assertIn("子命令：", zh.stdout)
        self.assertIn("各子命令的详细帮助请运行 'panelplan help <subcommand>'。", zh.stdout)
        self.assertNotIn("SUBCOMMANDS:", zh.stdout)
        en = subprocess.run([BIN, "--help"], capture_output=True, text=True, env=env)
        self.assertIn("SUBCOMMANDS:", en.stdout)
        self.assertIn("See 'panelplan help <subcommand>' for detailed help.", en.stdout)

    def test_usage_errors_in_both_languages(self):
        """A mistyped command line gets argument-parser's error, in Chinese with --lang zh or a
        Chinese locale, exit 64 (usage) either way, nothing on standard output."""
        cases = [
            (["plan"], "错误：缺少参数 '<batch>'", "Error: Missing expected argument '<batch>'"),
            (["plan", "x", "--bogus"], "错误：未知选项 '--bogus'。是否指 '--out'？",
             "Error: Unknown option '--bogus'. Did you mean '--out'?"),
            (["plan", "x", "--time-limit", "abc"], "错误：'--time-limit <time-limit>' 的值 'abc' 无效",
             "Error: The value 'abc' is invalid for '--time-limit <time-limit>'"),
            (["plan", "x", "y"], "错误：多余的参数 'y'", "Error: Unexpected argument 'y'"),
            (["plan", "x", "--out"], "错误：'--out <out>' 缺少值", "Error: Missing value for '--out <out>'"),
            (["export", "x", "--out", "y", "--format", "csv"], "错误：'--format <format>' 的值 'csv' 无效。可选值如下：",
             "Error: The value 'csv' is invalid for '--format <format>'. Please provide one of the following:"),
            # The commands' own checks of their options, from the string table.
            (["plan", "x", "--time-limit", "0"], "错误：--time-limit 必须是正的秒数",
             "Error: --time-limit must be a positive number of seconds"),
            (["plan", "x", "--draw"], "错误：--draw 需要 --seed-text TEXT：抽取种子所依据的公开文本",
             "Error: --draw needs --seed-text TEXT: the public text the draw's seed comes from"),
        ]
        for args, chinese, english in cases:
            for extra, env_lang, expected in (([], "C.UTF-8", english), (["--lang", "zh"], "C.UTF-8", chinese),
                                               ([], "zh_CN.UTF-8", chinese)):
                env = dict(os.environ, LANG=env_lang, LC_ALL=env_lang, LC_MESSAGES=env_lang)
                r = subprocess.run([BIN, *args, *extra], capture_output=True, text=True, env=env)
                self.assertEqual(r.returncode, 64, (args, extra, r.stderr))
                self.assertEqual(r.stdout, "", args)
                self.assertIn(expected, r.stderr, (args, extra, env_lang))
                if expected == chinese:
                    self.assertIn(f"用法：panelplan {args[0]} ", r.stderr)
                    self.assertNotRegex(r.stderr, r"\b(Error|Usage|Help):", args)

    def test_option_checks_after_the_usage(self):
        """Checks made while a command runs (a date, a folder) are usage errors too, exit 64."""
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        with tempfile.TemporaryDirectory() as folder:
            open(os.path.join(folder, "keep.txt"), "w").close()
            for args, chinese, english in [
                (["generate", folder, "--start", "2026-13-01"], "错误：--start '2026-13-01' 不是日期（应为 YYYY-MM-DD）",
                 "Error: --start '2026-13-01' is not a date (expected YYYY-MM-DD)"),
                (["generate", folder], f"错误：{folder} 已存在且不为空：请换一个文件夹，或加上 --force",
                 f"Error: {folder} exists and is not empty: choose another folder or pass --force"),
                (["export", folder, "--out", folder, "--lang", "fr"], None, "Error: --lang must be zh or en"),
            ]:
                r = subprocess.run([BIN, *args], capture_output=True, text=True, env=env)
                self.assertEqual(r.returncode, 64, (args, r.stderr))
                self.assertIn(english, r.stderr, args)
                if chinese:
                    zh = dict(os.environ, LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8", LC_MESSAGES="zh_CN.UTF-8")
                    r = subprocess.run([BIN, *args], capture_output=True, text=True, env=zh)
                    self.assertEqual(r.returncode, 64, (args, r.stderr))
                    self.assertIn(chinese, r.stderr, args)


if __name__ == "__main__":
    unittest.main()
