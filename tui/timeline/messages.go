package timeline

import "cellule/crisis"

// timelineLoadedMsg carries a page of the logbook.
type timelineLoadedMsg struct {
	query crisis.TimelineQuery
	page  crisis.TimelinePage
	err   error
}

// EntrySavedMsg is the result of Log or Correct, sent from the form.
type EntrySavedMsg struct {
	Action int
	Entry  crisis.Entry
	Err    error
}
