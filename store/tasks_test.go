package store_test

import (
	"reflect"
	"testing"

	"cellule/crisis"
)

// The index behind the header's flag follows each task's assignee and
// seen mark, and the tasks read back as stored, in id order.
func TestTasksAndTheUnseenIndex(t *testing.T) {
	db, _ := openTemp(t)
	unseen := func() map[string]int {
		t.Helper()
		var m map[string]int
		if err := db.View(func(tx crisis.ReadTx) error {
			var err error
			m, err = tx.UnseenTasks()
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return m
	}
	put := func(fn func(tx crisis.WriteTx) error) {
		t.Helper()
		if err := db.Update(fn); err != nil {
			t.Fatal(err)
		}
	}
	var a, b crisis.Task
	put(func(tx crisis.WriteTx) error {
		var err error
		if a, err = tx.AppendTask(crisis.Task{Title: "Isolate the IS", Assignee: "bob", Unseen: true, Priority: 1}); err != nil {
			return err
		}
		b, err = tx.AppendTask(crisis.Task{Title: "Collect the logs", Assignee: "bob", Unseen: true, Priority: 2})
		return err
	})
	if a.ID != 1 || b.ID != 2 {
		t.Fatalf("ids %d, %d", a.ID, b.ID)
	}
	if got := unseen(); !reflect.DeepEqual(got, map[string]int{"bob": 2}) {
		t.Errorf("unseen = %v", got)
	}
	// Reassigned to alice, still unseen; bob's other one seen.
	a.Assignee = "alice"
	b.Unseen = false
	put(func(tx crisis.WriteTx) error {
		if err := tx.PutTask(a); err != nil {
			return err
		}
		return tx.PutTask(b)
	})
	if got := unseen(); !reflect.DeepEqual(got, map[string]int{"alice": 1}) {
		t.Errorf("unseen = %v", got)
	}
	var all []crisis.Task
	_ = db.View(func(tx crisis.ReadTx) error {
		var err error
		all, err = tx.Tasks()
		return err
	})
	if len(all) != 2 || all[0].Title != "Isolate the IS" || all[0].Assignee != "alice" || all[1].Unseen {
		t.Errorf("tasks = %+v", all)
	}
}
