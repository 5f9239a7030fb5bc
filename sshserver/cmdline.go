package sshserver

import (
	"errors"
	"strings"
)

// errOpenQuote: a quote in the command line is not closed.
var errOpenQuote = errors.New("a quote is not closed")

// splitCommand splits the command line an SSH client sent into words.
//
// ssh joins its arguments with spaces, so the server must split them again.
// A POSIX shell splitter (go-shlex, which charm's ssh.Session.Command uses)
// treats a backslash as an escape and silently turns C:\Windows\Temp into
// C:WindowsTemp, which in an incident logbook is a corrupted indicator. Here
// words are separated by spaces and tabs, '...' and "..." group words and
// are removed, and a backslash is an ordinary character. A quote left open
// (the apostrophe of "isn't") is an error, never a guess.
func splitCommand(line string) ([]string, error) {
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
