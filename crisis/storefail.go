package crisis

import "errors"

// ErrNotSaved: the store could not commit a change (disk full, write
// error). The transaction was undone: nothing of it was saved.
var ErrNotSaved = errors.New("not saved")

// notSaved turns a failure of the store under a write into a refusal the
// person reads as such; the domain's own refusals pass unchanged.
func notSaved(err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	if errors.Is(err, ErrReadOnly) {
		return refusal(ErrNotSaved, "store.read-only", nil)
	}
	var taken *IDTakenError
	if errors.As(err, &taken) {
		return refusal(ErrNotSaved, "store.id-taken", []any{taken.Bucket, taken.ID})
	}
	return refusal(ErrNotSaved, "store.not-saved", []any{err.Error()})
}
