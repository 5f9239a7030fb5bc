package crisis

import "strings"

// Role is what a registered user may do in the crisis cell.
type Role string

const (
	// RoleLead runs the cell: stages, users, validation, closing.
	RoleLead Role = "lead"
	// RoleResponder writes in the logbook and works on the recovery.
	RoleResponder Role = "responder"
	// RoleViewer watches (management, communication): read only.
	RoleViewer Role = "viewer"
)

// Roles lists the roles in order of decreasing power.
var Roles = []Role{RoleLead, RoleResponder, RoleViewer}

// rank is a role's power: higher is more.
func (r Role) rank() int {
	for i, known := range Roles {
		if r == known {
			return len(Roles) - i
		}
	}
	return 0
}

// ParseRole accepts a role's name in any case.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Roles {
		if r == known {
			return r, nil
		}
	}
	return "", invalidf("role.unknown", s)
}

// Action names something a front end may ask the service to do. The
// service checks it once, in Allowed; views only use it to hide keys that
// would be refused anyway.
type Action string

const (
	ActOpen Action = "open"
	// ActProfile: one's own language and display name (another's is
	// managing users).
	ActProfile     Action = "profile"
	ActWriteLog    Action = "write-log"
	ActSetStage    Action = "set-stage"
	ActManageUsers Action = "manage-users"
	// ActRestrictUser takes powers away (revoking a user, lowering a role).
	// Unlike the rest of ActManageUsers it stays possible once the crisis
	// is closed: its record still holds every phone number and the way in.
	ActRestrictUser Action = "restrict-user"
	ActLoadDemo     Action = "load-demo"
	ActRename       Action = "rename"

	ActUpdateRecovery   Action = "update-recovery"
	ActValidateRecovery Action = "validate-recovery"
	ActOverrideRecovery Action = "override-recovery"
	ActEditRecoveryPlan Action = "edit-recovery-plan"
	// ActWriteTask creates tasks, edits them, changes their status and
	// takes one for oneself; ActAssignTask gives a task to someone else.
	ActWriteTask  Action = "write-task"
	ActAssignTask Action = "assign-task"
	// On-call: run checklists, import templates and contacts, hand over.
	ActRunChecklist     Action = "run-checklist"
	ActImportChecklists Action = "import-checklists"
	ActManageContacts   Action = "manage-contacts"
	ActHandover         Action = "handover"
	ActBackup           Action = "backup"
	ActClose            Action = "close"
	ActExport           Action = "export"
	ActTakeaway         Action = "takeaway"
	// ActSetTheme chooses a console's palette: one's own for everyone, any
	// user's for a lead (SetTheme).
	ActSetTheme Action = "set-theme"
	// Declarations' clocks: start one and record it sent; skip one, turn
	// them on or off and import their definitions.
	ActRunClock     Action = "run-clock"
	ActManageClocks Action = "manage-clocks"
	// ActWriteRegister adds assets to the register and changes their state.
	ActWriteRegister Action = "write-register"
)

var permissions = map[Action][]Role{
	ActOpen:         {RoleLead},
	ActWriteLog:     {RoleLead, RoleResponder},
	ActSetStage:     {RoleLead},
	ActManageUsers:  {RoleLead},
	ActRestrictUser: {RoleLead},
	ActLoadDemo:     {RoleLead},
	ActRename:       {RoleLead},

	ActUpdateRecovery:   {RoleLead, RoleResponder},
	ActValidateRecovery: {RoleLead},
	ActOverrideRecovery: {RoleLead},
	ActEditRecoveryPlan: {RoleLead},
	ActWriteTask:        {RoleLead, RoleResponder},
	ActAssignTask:       {RoleLead},
	ActRunChecklist:     {RoleLead, RoleResponder},
	ActImportChecklists: {RoleLead},
	ActManageContacts:   {RoleLead},
	ActHandover:         {RoleLead, RoleResponder},
	ActBackup:           {RoleLead},
	ActClose:            {RoleLead},
	ActExport:           {RoleLead, RoleResponder},
	ActTakeaway:         {RoleLead},
	ActSetTheme:         {RoleLead, RoleResponder, RoleViewer},
	ActRunClock:         {RoleLead, RoleResponder},
	ActManageClocks:     {RoleLead},
	ActWriteRegister:    {RoleLead, RoleResponder},
	ActProfile:          {RoleLead, RoleResponder, RoleViewer},
}

// Allowed reports whether a person of role r may do act.
func (r Role) Allowed(act Action) bool {
	for _, ok := range permissions[act] {
		if ok == r {
			return true
		}
	}
	return false
}

// Actor is who performs a call: a registered user, or the host's operator
// running the CLI on the machine itself.
type Actor struct {
	Name        string
	Role        Role
	Fingerprint string
	// Lang is the language the person reads ("" for the server's).
	Lang string
}

// LocalFingerprint marks actions taken by whoever has a shell on the host
// (the CLI), who can read the database file anyway.
const LocalFingerprint = "local-cli"

// LocalActor is the host operator, with the powers of a lead.
func LocalActor(osUser string) Actor {
	if osUser == "" {
		osUser = "operator"
	}
	return Actor{Name: "host:" + osUser, Role: RoleLead, Fingerprint: LocalFingerprint}
}

// Check returns nil when a may do act, or the refusal the service would
// give. Views use it to explain a key they do not offer; the service uses it
// before every change.
func (a Actor) Check(act Action) error {
	if a.Role.Allowed(act) {
		return nil
	}
	return forbiddenf("forbidden."+string(act), a.Role)
}
