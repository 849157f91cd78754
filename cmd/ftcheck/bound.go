package main

import (
	"fmt"

	"github.com/ftcheck/ftcheck/bounds"
)

// paperBound is the paper's upper bound on m for (N, K), as stated, with its
// exact value: Thm 4.1.1 for depth 2, Thm 5.1.1 for depth 3.
func paperBound(depth, N, K int) string {
	if depth == 2 {
		return fmt.Sprintf("min{3N+1, K-1} = %d (Thm 4.1.1)", bounds.Thm41Upper(N, K))
	}
	u := bounds.Thm51Upper(N, K)
	return fmt.Sprintf("min{2√K + min{2√K, 3N}, 6√(3N+2)} = %s (floor %s) (Thm 5.1.1)", u, u.Floor())
}
