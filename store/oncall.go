package store

import (
	"fmt"

	"cellule/crisis"
)

// The on-call records: checklist templates and runs, contacts, handovers.

func (t *txn) ChecklistTemplates() ([]crisis.ChecklistTemplate, error) {
	return all[crisis.ChecklistTemplate](t, bucketTemplates)
}

func (t *txn) PutChecklistTemplate(tpl crisis.ChecklistTemplate) error {
	return put(t, bucketTemplates, []byte(tpl.Name), tpl)
}

func (t *txn) ChecklistRun(id uint64) (crisis.ChecklistRun, bool, error) {
	return get[crisis.ChecklistRun](t, bucketRuns, u64(id))
}

func (t *txn) ChecklistRuns() ([]crisis.ChecklistRun, error) {
	return all[crisis.ChecklistRun](t, bucketRuns)
}

func (t *txn) AddChecklistRun(r crisis.ChecklistRun) (crisis.ChecklistRun, error) {
	id, err := t.nextID(bucketRuns)
	if err != nil {
		return r, err
	}
	r.ID = id
	return r, put(t, bucketRuns, u64(id), r)
}

func (t *txn) PutChecklistRun(r crisis.ChecklistRun) error {
	if r.ID == 0 {
		return fmt.Errorf("store: a checklist run without an id")
	}
	return put(t, bucketRuns, u64(r.ID), r)
}

func (t *txn) Contacts() ([]crisis.Contact, error) {
	return all[crisis.Contact](t, bucketContacts)
}

func (t *txn) PutContact(c crisis.Contact) error {
	key := crisis.ContactKey(c.Name)
	if key == "" {
		return fmt.Errorf("store: a contact without a name")
	}
	return put(t, bucketContacts, []byte(key), c)
}

func (t *txn) Handover(id uint64) (crisis.Handover, bool, error) {
	return get[crisis.Handover](t, bucketHandovers, u64(id))
}

func (t *txn) Handovers() ([]crisis.Handover, error) {
	return all[crisis.Handover](t, bucketHandovers)
}

func (t *txn) AddHandover(h crisis.Handover) (crisis.Handover, error) {
	id, err := t.nextID(bucketHandovers)
	if err != nil {
		return h, err
	}
	h.ID = id
	return h, put(t, bucketHandovers, u64(id), h)
}

func (t *txn) PutHandover(h crisis.Handover) error {
	if h.ID == 0 {
		return fmt.Errorf("store: a handover without an id")
	}
	return put(t, bucketHandovers, u64(h.ID), h)
}
