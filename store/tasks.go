package store

import (
	"bytes"
	"fmt"

	"cellule/crisis"
)

func (t *txn) Task(id uint64) (crisis.Task, bool, error) {
	return get[crisis.Task](t, bucketTasks, u64(id))
}

func (t *txn) Tasks() ([]crisis.Task, error) {
	return all[crisis.Task](t, bucketTasks)
}

func (t *txn) UnseenTasks() (map[string]int, error) {
	b, err := t.bucket(bucketTaskUnseen)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	err = b.ForEach(func(k, _ []byte) error {
		if i := bytes.IndexByte(k, 0); i > 0 {
			out[string(k[:i])]++
		}
		return nil
	})
	return out, err
}

func (t *txn) AppendTask(task crisis.Task) (crisis.Task, error) {
	id, err := t.nextID(bucketTasks)
	if err != nil {
		return task, err
	}
	task.ID = id
	return task, t.PutTask(task)
}

func (t *txn) PutTask(task crisis.Task) error {
	if task.ID == 0 {
		return fmt.Errorf("store: a task needs an id")
	}
	idx, err := t.bucket(bucketTaskUnseen)
	if err != nil {
		return err
	}
	if old, ok, err := t.Task(task.ID); err != nil {
		return err
	} else if ok && old.Unseen {
		if err := idx.Delete(unseenKey(old.Assignee, old.ID)); err != nil {
			return err
		}
	}
	if task.Unseen && task.Assignee != "" {
		if err := idx.Put(unseenKey(task.Assignee, task.ID), nil); err != nil {
			return err
		}
	}
	return put(t, bucketTasks, u64(task.ID), task)
}
