package kit

import tea "charm.land/bubbletea/v2"

// Loaded is the result of one read issued by a Loader: Seq numbers the
// read, Value is what it read.
type Loaded[T any] struct {
	Seq   int
	Value T
}

// Loader issues a view's reads and drops the ones that finish late: reads
// run in commands, off the event loop, and an older one can come back
// after a newer one. Each view holds one Loader per kind of read; T tells
// their results apart (every message reaches every tab).
type Loader[T any] struct {
	issued, applied int
}

// Load numbers a read and returns the command that runs it.
func (l *Loader[T]) Load(read func() T) tea.Cmd {
	l.issued++
	seq := l.issued
	return func() tea.Msg { return Loaded[T]{Seq: seq, Value: read()} }
}

// Issued is the number of the newest read issued.
func (l *Loader[T]) Issued() int { return l.issued }

// Fresh reports whether msg is newer than every read applied so far, and
// if so counts it applied: a late read is dropped.
func (l *Loader[T]) Fresh(msg Loaded[T]) bool {
	if msg.Seq <= l.applied {
		return false
	}
	l.applied = msg.Seq
	return true
}
