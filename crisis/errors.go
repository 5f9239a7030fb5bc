package crisis

import (
	"errors"
	"fmt"
)

// Sentinel errors let front ends choose an exit code or a colour without
// parsing messages; the Error's text is what the user reads.
var (
	// ErrForbidden: the actor's role does not allow the action.
	ErrForbidden = errors.New("not allowed")
	// ErrInvalid: the input was refused; nothing was changed.
	ErrInvalid = errors.New("invalid input")
	// ErrNotFound: the thing named does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the input clashes with what is already recorded.
	ErrConflict = errors.New("conflict")
)

// Error is a refusal by the domain. Its Code names the sentence and Args
// fill it in, so a front end can show it in its user's language; English
// is in messages_en.go.
type Error struct {
	Kind error // one of the sentinels above
	Code string
	Args []any
}

func (e *Error) Error() string { return e.Kind.Error() + ": " + e.Text(nil) }

func (e *Error) Unwrap() error { return e.Kind }

// Text renders the sentence from catalogue (code -> format), falling back
// to English for a code the catalogue lacks.
func (e *Error) Text(catalogue map[string]string) string {
	format, ok := catalogue[e.Code]
	if !ok {
		if format, ok = English[e.Code]; !ok {
			format = e.Code
		}
	}
	return fmt.Sprintf(format, e.Args...)
}

func refusal(kind error, code string, args []any) error {
	return &Error{Kind: kind, Code: code, Args: args}
}

func invalidf(code string, args ...any) error   { return refusal(ErrInvalid, code, args) }
func forbiddenf(code string, args ...any) error { return refusal(ErrForbidden, code, args) }
func notFoundf(code string, args ...any) error  { return refusal(ErrNotFound, code, args) }
func conflictf(code string, args ...any) error  { return refusal(ErrConflict, code, args) }

// Message returns the English sentence of err for a person: a domain
// refusal without its sentinel prefix, or any other error as it is.
func Message(err error) string {
	return MessageIn(err, nil)
}

// MessageIn is Message with a catalogue of translations (see Error.Text).
func MessageIn(err error, catalogue map[string]string) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Text(catalogue)
	}
	return err.Error()
}
