package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ftcheck/ftcheck/theorem"
)

// shardClaims are real claims, cheap enough to run twice in a test.
var shardClaims = []string{"R2", "C4.2", "D4.3", "T4.4", "R3", "R4", "L4.7"}

// The shards of a run, merged, are byte for byte the unsharded report, for
// n = 1, 2, 3 and 7 (more shards than some have claims).
func TestShardMergeBytes(t *testing.T) {
	opts := Options{Seed: 1, Checks: 20, Only: shardClaims}
	var wantJSON, wantMD bytes.Buffer
	full := Run(opts)
	if err := full.WriteJSON(&wantJSON); err != nil {
		t.Fatal(err)
	}
	if err := full.WriteMarkdown(&wantMD); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 7} {
		var shards []*Shard
		for i := n - 1; i >= 0; i-- { // any order
			var buf bytes.Buffer
			if err := RunShard(opts, i, n).WriteJSON(&buf); err != nil {
				t.Fatal(err)
			}
			s, err := ReadShard(&buf)
			if err != nil {
				t.Fatal(err)
			}
			shards = append(shards, s)
		}
		rep, err := Merge(shards)
		if err != nil {
			t.Fatalf("n = %d: %v", n, err)
		}
		var gotJSON, gotMD bytes.Buffer
		if err := rep.WriteJSON(&gotJSON); err != nil {
			t.Fatal(err)
		}
		if err := rep.WriteMarkdown(&gotMD); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gotJSON.Bytes(), wantJSON.Bytes()) || !bytes.Equal(gotMD.Bytes(), wantMD.Bytes()) {
			t.Fatalf("n = %d: merged report differs from the unsharded one", n)
		}
	}
}

// Merge refuses shards of different runs, a repeated or missing shard, and
// a claim reported twice or by no shard.
func TestMergeRefuses(t *testing.T) {
	ids := []string{"a", "b", "c"}
	mk := func(i, n int, seed uint64, claims ...string) *Shard {
		s := &Shard{Seed: seed, Checks: 5, Index: i, Of: n, IDs: ids}
		for _, c := range claims {
			s.Claims = append(s.Claims, ClaimReport{ID: c})
		}
		return s
	}
	cases := map[string][]*Shard{
		"none":          nil,
		"another seed":  {mk(0, 2, 1, "a"), mk(1, 2, 2, "b", "c")},
		"twice":         {mk(0, 2, 1, "a"), mk(0, 2, 1, "b", "c")},
		"missing shard": {mk(0, 2, 1, "a", "b", "c")},
		"claim twice":   {mk(0, 2, 1, "a", "b"), mk(1, 2, 1, "b", "c")},
		"claim missing": {mk(0, 2, 1, "a"), mk(1, 2, 1, "c")},
		"extra claim":   {mk(0, 2, 1, "a", "b"), mk(1, 2, 1, "c", "d")},
		"other n":       {mk(0, 2, 1, "a"), mk(1, 3, 1, "b", "c")},
	}
	for name, shards := range cases {
		if _, err := Merge(shards); err == nil {
			t.Errorf("%s: merged", name)
		}
	}
	if rep, err := Merge([]*Shard{mk(1, 2, 1, "c", "a"), mk(0, 2, 1, "b")}); err != nil || rep.Claims[0].ID != "a" || rep.Claims[2].ID != "c" {
		t.Errorf("a valid merge: %v", err)
	}
	for _, bad := range []string{`{"seed":1,"shard":2,"of":2}`, `{"seed":1,"of":1,"extra":true}`, `not json`} {
		if _, err := ReadShard(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadShard(%s) accepted", bad)
		}
	}
}

// Deal deals costliest first to the least loaded shard: costs 9, 5, 2, 2
// on 2 shards give {9} and {5, 2, 2}; every claim gets a shard. A claim
// divided into units is dealt unit by unit, a unit without a cost taking an
// equal share of the claim's.
func TestDeal(t *testing.T) {
	claims := []theorem.Claim{{ID: "a", Cost: 2}, {ID: "b", Cost: 5}, {ID: "c", Cost: 2}, {ID: "d", Cost: 9}}
	shards := func(ts []Task) []int {
		var out []int
		for _, t := range ts {
			out = append(out, t.Shard)
		}
		return out
	}
	if got := shards(Deal(claims, 2)); fmt.Sprint(got) != "[1 1 1 0]" {
		t.Fatalf("Deal = %v, want [1 1 1 0]", got)
	}
	if got := shards(Deal(claims, 9)); fmt.Sprint(got) != "[2 1 3 0]" {
		t.Fatalf("9 shards: %v", got)
	}
	combine := func(theorem.Config, []theorem.Result) theorem.Result { return theorem.Result{} }
	split := theorem.Claim{ID: "s", Cost: 12, Units: []theorem.Unit{{Name: "x", Cost: 7}, {Name: "y"}, {Name: "z", Cost: 1}}, Combine: combine}
	// Tasks in report order: a 2, b 5, s/x 7, s/y 12/3 = 4, s/z 1, c 2, d 9;
	// costliest first, each to the less loaded shard (load = cost + 1):
	// d → 0 (10), s/x → 1 (8), b → 1 (14), s/y → 0 (15), a → 1 (17),
	// c → 0 (18), s/z → 1.
	ts := Deal([]theorem.Claim{claims[0], claims[1], split, claims[2], claims[3]}, 2)
	want := "[{0 -1 1} {1 -1 1} {2 0 1} {2 1 0} {2 2 1} {3 -1 0} {4 -1 0}]"
	if fmt.Sprint(ts) != want {
		t.Fatalf("Deal with units = %v, want %v", ts, want)
	}
}

// fixSplit registers a claim divided into three cheap units (the second
// panics when boom is set) whose Combine lists them in order.
func fixSplit(t *testing.T, boom bool) {
	unit := func(name string, n int) theorem.Unit {
		return theorem.Unit{Name: name, Cost: time.Duration(n), Check: func(cfg theorem.Config) theorem.Result {
			if boom && name == "two" {
				panic("planted")
			}
			return theorem.Result{Verdict: theorem.Holds, Evidence: fmt.Sprintf("%s ran %d cases (seed %d)", name, n, cfg.Seed), Checked: n,
				Findings: []theorem.Finding{{Kind: theorem.FindBeyondPaper, Text: name + " <&> ü", Instance: &theorem.Instance{K: n, T: []int{1}, Params: map[string]string{"n": fmt.Sprint(n)}}}}}
		}}
	}
	units := []theorem.Unit{unit("one", 1), unit("two", 2), unit("three", 3)}
	combine := func(cfg theorem.Config, rs []theorem.Result) theorem.Result {
		out := theorem.Result{Verdict: theorem.Holds}
		var ev []string
		for i, r := range rs {
			if r.Verdict != theorem.Holds {
				out.Verdict = r.Verdict
			}
			out.Checked += r.Checked
			ev = append(ev, units[i].Name+": "+r.Evidence)
			out.Findings = append(out.Findings, r.Findings...)
		}
		out.Evidence = strings.Join(ev, "; ")
		return out
	}
	c := theorem.Claim{ID: "FIX-split", Paper: "–", Statement: "Divided.", Cost: 6, Units: units, Combine: combine,
		Check: func(cfg theorem.Config) theorem.Result {
			return theorem.CombineUnits(theorem.Claim{ID: "FIX-split", Units: units, Combine: combine}, cfg, theorem.RunUnits(theorem.Claim{Units: units}, cfg))
		}}
	t.Cleanup(theorem.RegisterExtra(c))
}

// mergedBytes runs opts unsharded and in n shards (read back from their
// files), merges, and fails unless the merged report.json and REPORT.md
// are the unsharded bytes.
func mergedBytes(t *testing.T, opts Options, ns ...int) {
	t.Helper()
	var wantJSON, wantMD bytes.Buffer
	full := Run(opts)
	if err := full.WriteJSON(&wantJSON); err != nil {
		t.Fatal(err)
	}
	if err := full.WriteMarkdown(&wantMD); err != nil {
		t.Fatal(err)
	}
	for _, n := range ns {
		rep, err := Merge(shardFiles(t, opts, n))
		if err != nil {
			t.Fatalf("n = %d: %v", n, err)
		}
		var gotJSON, gotMD bytes.Buffer
		if err := rep.WriteJSON(&gotJSON); err != nil {
			t.Fatal(err)
		}
		if err := rep.WriteMarkdown(&gotMD); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gotJSON.Bytes(), wantJSON.Bytes()) || !bytes.Equal(gotMD.Bytes(), wantMD.Bytes()) {
			t.Fatalf("n = %d: merged report differs from the unsharded one:\n%s\nwant\n%s", n, gotJSON.String(), wantJSON.String())
		}
	}
}

// shardFiles runs the n shards of opts, last first, each written to JSON
// and read back.
func shardFiles(t *testing.T, opts Options, n int) []*Shard {
	t.Helper()
	var shards []*Shard
	for i := n - 1; i >= 0; i-- {
		var buf bytes.Buffer
		if err := RunShard(opts, i, n).WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		s, err := ReadShard(&buf)
		if err != nil {
			t.Fatal(err)
		}
		shards = append(shards, s)
	}
	return shards
}

// A divided claim's units go to different shards, and the merge combines
// them into the unsharded bytes, also when a unit panics (inconclusive in
// both, never holds).
func TestShardUnitsMergeBytes(t *testing.T) {
	fixSplit(t, false)
	opts := Options{Seed: 1, Checks: 20, Only: []string{"R2", "FIX-split"}}
	var spread []int
	for _, tk := range Deal(selectClaims(opts.Only), 3) {
		if tk.Unit >= 0 {
			spread = append(spread, tk.Shard)
		}
	}
	if slices.Sort(spread); len(slices.Compact(spread)) < 2 {
		t.Fatalf("the units of FIX-split all went to one shard: %v", spread)
	}
	mergedBytes(t, opts, 1, 2, 3, 7)
}

func TestShardUnitPanicMerges(t *testing.T) {
	fixSplit(t, true)
	opts := Options{Seed: 1, Checks: 20, Only: []string{"FIX-split"}}
	if v := Run(opts).Claims[0].Verdict; v != theorem.Inconclusive {
		t.Fatalf("a unit that panics: %s", v)
	}
	mergedBytes(t, opts, 3)
}

// The merge refuses a divided claim with a unit missing, repeated or
// foreign, a claim given both whole and by units, and units of a claim
// that is not divided.
func TestMergeRefusesUnits(t *testing.T) {
	fixSplit(t, false)
	opts := Options{Seed: 1, Checks: 20, Only: []string{"R2", "FIX-split"}}
	good := shardFiles(t, opts, 3)
	if _, err := Merge(good); err != nil {
		t.Fatalf("the good shards: %v", err)
	}
	clone := func() []*Shard {
		var out []*Shard
		for _, s := range good {
			c := *s
			c.Claims, c.Units = slices.Clone(s.Claims), slices.Clone(s.Units)
			out = append(out, &c)
		}
		return out
	}
	withUnit := func(s []*Shard) *Shard {
		for _, x := range s {
			if len(x.Units) > 0 {
				return x
			}
		}
		t.Fatal("no shard has a unit")
		return nil
	}
	cases := map[string]func([]*Shard){
		"unit missing": func(s []*Shard) { x := withUnit(s); x.Units = x.Units[1:] },
		"unit twice":   func(s []*Shard) { x := withUnit(s); x.Units = append(x.Units, x.Units[0]) },
		"foreign unit": func(s []*Shard) { x := withUnit(s); x.Units[0].Unit = "four" },
		"extra unit": func(s []*Shard) {
			x := withUnit(s)
			x.Units = append(x.Units, UnitReport{Claim: "FIX-split", Unit: "four"})
		},
		"whole and units": func(s []*Shard) { s[0].Claims = append(s[0].Claims, ClaimReport{ID: "FIX-split"}) },
		"undivided claim": func(s []*Shard) { x := withUnit(s); x.Units = append(x.Units, UnitReport{Claim: "R2", Unit: "one"}) },
		"unknown claim": func(s []*Shard) {
			x := withUnit(s)
			x.Units = append(x.Units, UnitReport{Claim: "FIX-none", Unit: "one"})
		},
	}
	for name, spoil := range cases {
		s := clone()
		spoil(s)
		if _, err := Merge(s); err == nil {
			t.Errorf("%s: merged", name)
		}
	}
}

// T5.1-U, the costliest claim, is dealt unit by unit (U1, U2, U3 and the
// theorem level), and n = 3 and 7 shards merge into the unsharded bytes at
// -seed 1 -checks 20.
func TestShardT51UMergeBytes(t *testing.T) {
	opts := Options{Seed: 1, Checks: 20, Only: []string{"T5.1-U", "R2"}}
	for _, n := range []int{3, 7} {
		used := map[int]bool{}
		for _, tk := range Deal(selectClaims(opts.Only), n) {
			if selectClaims(opts.Only)[tk.Claim].ID == "T5.1-U" {
				if tk.Unit < 0 {
					t.Fatalf("T5.1-U dealt whole")
				}
				used[tk.Shard] = true
			}
		}
		if len(used) < 3 {
			t.Fatalf("n = %d: T5.1-U's units on %d shards", n, len(used))
		}
	}
	mergedBytes(t, opts, 3, 7)
}
