package crisis

import (
	"errors"
	"fmt"
)

// Sentinel errors let front ends choose an exit code or a colour without
// parsing messages; the wrapped message is what the user reads.
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

func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

func forbiddenf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrForbidden, fmt.Sprintf(format, args...))
}

func notFoundf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrNotFound, fmt.Sprintf(format, args...))
}

func conflictf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrConflict, fmt.Sprintf(format, args...))
}

// Message returns the part of err meant for a person: the sentinel prefix
// ("invalid input: ") is dropped because the sentence already says it.
func Message(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	for _, s := range []error{ErrForbidden, ErrInvalid, ErrNotFound, ErrConflict} {
		p := s.Error() + ": "
		if len(msg) > len(p) && msg[:len(p)] == p {
			return msg[len(p):]
		}
	}
	return msg
}
