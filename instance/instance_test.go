package instance

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

func pts(v ...int64) [][]*big.Rat {
	X := make([][]*big.Rat, len(v))
	for i, x := range v {
		X[i] = []*big.Rat{big.NewRat(x, 1)}
	}
	return X
}

// TestFromNetworkResiduals: z_i = y_i − f(x_i) computed by hand for
// f(x) = 2σ(x) − 1, T is where f is wrong (0-based), N = |T|.
func TestFromNetworkResiduals(t *testing.T) {
	f := &oracle.Network{Layers: []oracle.Layer{
		{W: [][]*big.Rat{oracle.Rats(1)}, B: oracle.Rats(0)},
		{W: [][]*big.Rat{oracle.Rats(2)}, B: oracle.Rats(-1)},
	}}
	// f(−1) = −1, f(0) = −1, f(1) = 1, f(2) = 3.
	in, err := FromNetwork(f, pts(-1, 0, 1, 2), []*big.Rat{big.NewRat(-1, 1), big.NewRat(1, 2), big.NewRat(1, 1), big.NewRat(0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	want := []*big.Rat{big.NewRat(0, 1), big.NewRat(3, 2), big.NewRat(0, 1), big.NewRat(-3, 1)}
	for i := range want {
		if in.Z[i].Cmp(want[i]) != 0 {
			t.Errorf("z[%d] = %s, want %s", i, in.Z[i], want[i])
		}
	}
	if T := in.T(); len(T) != 2 || T[0] != 1 || T[1] != 3 || in.N() != 2 || in.K() != 4 || in.Dim() != 1 {
		t.Errorf("T = %v, N = %d, K = %d, d = %d", T, in.N(), in.K(), in.Dim())
	}
	if _, err := in.Verify(oracle.Zero(1)); err == nil {
		t.Errorf("the zero network verified although N = 2")
	}
}

// TestValidateNamesTheProblem: duplicates name both 1-based rows; ragged
// rows, missing targets and empty instances are errors, never panics.
func TestValidateNamesTheProblem(t *testing.T) {
	dup := &Instance{X: pts(3, 1, 3), Z: oracle.Rats(0, 1, 0)}
	var de *oracle.DuplicatePointError
	if err := dup.Validate(); !errors.As(err, &de) || de.I != 1 || de.J != 3 {
		t.Errorf("duplicate: %v", err)
	}
	ragged := &Instance{X: [][]*big.Rat{oracle.Rats(1, 2), oracle.Rats(3)}, Z: oracle.Rats(0, 0)}
	for _, c := range []struct {
		in   *Instance
		want string
	}{
		{ragged, "row 2"},
		{&Instance{X: pts(1, 2), Z: oracle.Rats(0)}, "2 samples but 1 targets"},
		{&Instance{}, "no samples"},
		{&Instance{X: pts(1, 2), Z: []*big.Rat{big.NewRat(1, 1), nil}}, "row 2: z"},
	} {
		if err := c.in.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want an error mentioning %q", err, c.want)
		}
	}
	if _, err := FromNetwork(oracle.Zero(2), pts(1), oracle.Rats(0)); err == nil || !strings.Contains(err.Error(), "row 1") {
		t.Errorf("dimension mismatch: %v", err)
	}
}
