package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// errOpenQuote: a quote in the command line is not closed.
var errOpenQuote = errors.New("a quote is not closed")

// ExecuteLine runs a command line as an SSH client sent it.
func ExecuteLine(ctx context.Context, env Env, line string) int {
	args, err := SplitLine(line)
	if err != nil {
		fmt.Fprintln(env.Err, "cellule: cannot split the command line: a quote is not closed (an apostrophe?).\n"+
			"Quote the text for the server too, as in: ssh host \"log 'The firewall is not responding'\",\n"+
			"or send it on standard input: echo \"The firewall isn't responding\" | ssh host log")
		return ExitUsage
	}
	return Execute(ctx, env, args)
}

// SplitLine splits the command line an SSH client sent into words.
//
// ssh joins its arguments with spaces, so the server must split them again.
// A POSIX shell splitter (go-shlex, which charm's ssh.Session.Command uses)
// treats a backslash as an escape and silently turns C:\Windows\Temp into
// C:WindowsTemp, which in an incident logbook is a corrupted indicator. Here
// words are separated by spaces and tabs, '...' and "..." group words and
// are removed, and a backslash is an ordinary character. A quote left open
// (the apostrophe of "isn't") is an error, never a guess.
func SplitLine(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errOpenQuote
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// plainRune is a character no shell or splitter treats specially.
func plainRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=@+,", r)
}

// plainWord reports whether s needs no quotes anywhere.
func plainWord(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !plainRune(r) }) < 0
}

// serverWord quotes s so that SplitLine gives it back as one word: '...'
// and "..." are all it knows (a word holding both quote kinds cannot be
// written, and is quoted with double quotes, as well as can be).
func serverWord(s string) string {
	switch {
	case plainWord(s):
		return s
	case !strings.ContainsRune(s, '\''):
		return "'" + s + "'"
	default:
		return `"` + s + `"`
	}
}

// shellWord quotes s for a POSIX shell when it needs it.
func shellWord(s string) string {
	if plainWord(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
