package crisis_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"cellule/crisis"
)

const goodContacts = "\uFEFFname,role,organisation,phone,backup_phone,notes\n" +
	"Camille Martin,On-call administrator,CH — DSI,05 65 00 00 01,06 00 00 00 01,\"Nights and weekends,\nask for the badge\"\n" +
	"Claire Moreau,Crisis lead,CH — direction,+33 5 65 00 00 03,,\n"

func TestImportContacts(t *testing.T) {
	svc, db := newService(t)
	before := auditCount(t, db)
	res, err := svc.ImportContacts(lead, []byte(goodContacts), false)
	if err != nil || res.Added != 2 || res.Replaced != 0 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if got := auditCount(t, db); got != before+2 {
		t.Errorf("audit %d -> %d; want one record per contact", before, got)
	}
	cs, _ := svc.Contacts("")
	if len(cs) != 2 || cs[0].Name != "Camille Martin" || cs[0].Notes != "Nights and weekends, ask for the badge" || cs[1].Phone != "+33 5 65 00 00 03" {
		t.Errorf("contacts = %+v", cs)
	}
	// Search as you type: every word, in any field, any case.
	if got, _ := svc.Contacts("admin dsi"); len(got) != 1 || got[0].Name != "Camille Martin" {
		t.Errorf("search = %+v", got)
	}
	if got, _ := svc.Contacts("00 03"); len(got) != 1 || got[0].Name != "Claire Moreau" {
		t.Errorf("search by number = %+v", got)
	}
	// The same name again (any case) replaces; on_duty may be given.
	again := "name,role,organisation,phone,backup_phone,notes,on_duty\ncamille martin,On-call administrator,CH — DSI,05 65 00 00 09,,,yes\n"
	if res, err = svc.ImportContacts(lead, []byte(again), false); err != nil || res.Replaced != 1 || res.Added != 0 {
		t.Fatalf("re-import: %+v %v", res, err)
	}
	cs, _ = svc.Contacts("")
	if len(cs) != 2 || cs[0].Phone != "05 65 00 00 09" || !cs[0].OnDuty {
		t.Errorf("after re-import: %+v", cs)
	}
	if _, err := svc.ImportContacts(responder, []byte(goodContacts), false); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("responder import: %v", err)
	}
}

func TestImportContactsRejectsBadRowsByLine(t *testing.T) {
	svc, db := newService(t)
	bad := "name,role,organisation,phone,backup_phone,notes\n" + // 1
		"Good One,Role,Org,05 65 00 00 01,,\"two\nlines\"\n" + // 2-3
		",No name,Org,05 65 00 00 02,,\n" + // 4
		"No Phone,Role,Org,,,\n" + // 5
		"Bad Phone,Role,Org,call me,,\n" + // 6
		"Short,Row\n" + // 7
		"good one,Dup,Org,05 65 00 00 03,,\n" + // 8
		"Quote,Role,Org,05 65 00 00 04,,a \"bare\" quote\n" + // 9
		"\n" +
		"Last Good,Role,Org,05 65 00 00 05,,\n" // 11
	audits := auditCount(t, db)
	res, err := svc.ImportContacts(lead, []byte(bad), false)
	if !errors.Is(err, crisis.ErrInvalid) || !strings.Contains(crisis.Message(err), "--skip-bad") {
		t.Fatalf("bad file: %v", err)
	}
	want := []int{4, 5, 6, 7, 8, 9}
	if got := lines(res.Rejected); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rejected lines %v; want %v:\n%v", got, want, res.Rejected)
	}
	if cs, _ := svc.Contacts(""); len(cs) != 0 || auditCount(t, db) != audits {
		t.Errorf("a file with errors imported %d contacts", len(cs))
	}
	res, err = svc.ImportContacts(lead, []byte(bad), true)
	if err != nil || res.Added != 2 || len(res.Rejected) != 6 {
		t.Errorf("--skip-bad: %+v %v", res, err)
	}
	for _, in := range []string{"", "nom,role\nx,y\n", "name,role,organisation,phone,backup_phone,notes\n"} {
		if _, err := svc.ImportContacts(lead, []byte(in), true); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("import %q: %v", in, err)
		}
	}
	f := crisis.ParseContactsCSV([]byte("nom,role\n"))
	if len(f.Rejected) != 1 || f.Rejected[0].Line != 1 || !strings.Contains(f.Rejected[0].Error(), "name,role,organisation,phone,backup_phone,notes") {
		t.Errorf("bad header: %v", f.Rejected)
	}
}

func TestStepContactShowsTheRightPerson(t *testing.T) {
	cs := []crisis.Contact{
		{Name: "Hugo", Role: "On-call administrator", Phone: "1"},
		{Name: "Camille", Role: "On-call administrator", Phone: "2", OnDuty: true},
		{Name: "Permanence", Organisation: "CERT Santé", Phone: "3"},
	}
	if c, ok := crisis.ContactFor("on-call administrator", cs); !ok || c.Name != "Camille" {
		t.Errorf("by role: %+v", c)
	}
	if c, ok := crisis.ContactFor("Hugo", cs); !ok || c.Phone != "1" {
		t.Errorf("by name: %+v", c)
	}
	if c, ok := crisis.ContactFor("cert santé", cs); !ok || c.Phone != "3" {
		t.Errorf("by organisation: %+v", c)
	}
	if _, ok := crisis.ContactFor("", cs); ok {
		t.Error("an empty reference found someone")
	}
}

func TestOnDuty(t *testing.T) {
	svc, _ := newService(t)
	if _, err := svc.ImportContacts(lead, []byte(goodContacts), false); err != nil {
		t.Fatal(err)
	}
	c, err := svc.SetOnDuty(lead, "claire moreau", true)
	if err != nil || !c.OnDuty {
		t.Fatalf("%+v %v", c, err)
	}
	if _, err := svc.SetOnDuty(lead, "Nobody", true); !errors.Is(err, crisis.ErrNotFound) {
		t.Errorf("missing contact: %v", err)
	}
	if _, err := svc.SetOnDuty(viewer, "Claire Moreau", false); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("viewer: %v", err)
	}
}
