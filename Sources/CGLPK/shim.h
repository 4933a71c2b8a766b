#ifndef INSULA_CGLPK_SHIM_H
#define INSULA_CGLPK_SHIM_H
// GLPK's public API (Debian: /usr/include/glpk.h from libglpk-dev).
#include <glpk.h>
#include <setjmp.h>
#include <stdlib.h>

// Cancelling a running GLPK solve from another thread.
//
// GLPK has no cancellation call. Its terminal hook is called for every line it prints (each
// interior-point iteration, each simplex progress line), so a hook that sees a flag raised
// by another thread can leave the solver with longjmp. That jump crosses only GLPK's C
// frames (this header is compiled as C, never Swift), back to the setjmp below. GLPK's
// state on this thread is then inconsistent, exactly as after its error hook, and the
// caller must call glp_free_env() on this thread before any other GLPK call: that frees
// every problem and block the thread's environment holds.

typedef int (*insula_term_hook)(void *info, const char *text);

typedef struct insula_cancellation {
    jmp_buf jump;
    const volatile int *flag;
    insula_term_hook forward;
    void *forward_info;
} insula_cancellation;

static int insula_cancellable_hook(void *info, const char *text) {
    insula_cancellation *context = (insula_cancellation *)info;
    if (__atomic_load_n(context->flag, __ATOMIC_ACQUIRE)) longjmp(context->jump, 1);
    return context->forward != NULL ? context->forward(context->forward_info, text) : 0;
}

/// Runs glp_simplex (interior == 0) or glp_interior (interior != 0) on `problem`, leaving as
/// soon as GLPK prints a line while `*flag` is non-zero. Returns 1 when cancelled (then call
/// glp_free_env() on this thread), 0 otherwise with GLPK's return code in `*code`. Lines
/// GLPK prints go to `forward` (the caller's hook, restored afterwards).
static inline int insula_solve_cancellable(glp_prob *problem, int interior, const glp_smcp *simplex,
                                           const glp_iptcp *interiorPoint, const volatile int *flag,
                                           insula_term_hook forward, void *forward_info, int *code) {
    // On the heap: the jump buffer must outlive nothing but this frame, and the hook's
    // context must stay valid while GLPK runs.
    insula_cancellation *context = (insula_cancellation *)malloc(sizeof(insula_cancellation));
    if (context == NULL) return 1;
    context->flag = flag;
    context->forward = forward;
    context->forward_info = forward_info;
    glp_term_hook(insula_cancellable_hook, context);
    if (setjmp(context->jump) != 0) {
        glp_term_hook(NULL, NULL);
        free(context);
        return 1;
    }
    *code = interior ? glp_interior(problem, interiorPoint) : glp_simplex(problem, simplex);
    glp_term_hook(forward, forward_info);
    free(context);
    return 0;
}

/// Raises a cancellation flag (from any thread).
static inline void insula_raise_flag(volatile int *flag) { __atomic_store_n(flag, 1, __ATOMIC_RELEASE); }

#endif
