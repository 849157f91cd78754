package oracle

// Hooks for the external tests of the fixed-width path (fasteval_test.go).

import "math/big"

// FastEvalAll evaluates the rows of X by the fixed-width path of fasteval.go
// alone (whatever the rank of the first layer), with a ReLU that zeroes the
// scaled pre-activations below floor and float64 trusted up to floatBits
// bits; floor = 0 and floatBits = 53 are correct. It returns the values and
// the widths planned for each layer of each block, and "big" for a chunk with
// rows that took the big.Int path (nil when the network is too
// wide for fixed width, and then no values either).
func FastEvalAll(n *Network, X [][]*big.Rat, floor int64, floatBits uint) ([]*big.Rat, []string) {
	n.mustValid()
	bits := modeBits
	bits[modeFloat] = floatBits
	fn := newFastNetBits(newIntNet(n), n.InputDim(), bits)
	if fn == nil {
		return nil, nil
	}
	fn.floor = floor
	e := &Evaluator{net: n, ints: fn.ints, fast: fn}
	var modes []string
	c := e.newChunker()
	out := make([]*big.Rat, len(X))
	for lo := 0; lo < len(X); lo += fastChunk {
		hi := min(lo+fastChunk, len(X))
		for k, v := range c.eval(X[lo:hi]) {
			out[lo+k] = new(big.Rat).SetFrac(&v.num, &v.den)
		}
		for _, m := range c.w.plan {
			modes = append(modes, [...]string{"float64", "int64", "int128"}[m])
		}
		if c.w.wide > 0 {
			modes = append(modes, "big")
		}
	}
	return out, modes
}
