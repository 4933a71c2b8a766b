#ifndef INSULA_CGLPK_SHIM_H
#define INSULA_CGLPK_SHIM_H
// GLPK's public API (Debian: /usr/include/glpk.h from libglpk-dev).
#include <glpk.h>
#include <setjmp.h>
#include <stdlib.h>

// Cancelling a running GLPK solve from another thread, and surviving GLPK's fatal errors.
//
// GLPK has no cancellation call. Its terminal hook is called for every line it prints (each
// interior-point iteration, each simplex progress line), so a hook that sees a flag raised
// by another thread can leave the solver with longjmp. That jump crosses only GLPK's C
// frames (this header is compiled as C, never Swift), back to the setjmp below. GLPK's
// state on this thread is then inconsistent, exactly as after its error hook, and the
// caller must call glp_free_env() on this thread before any other GLPK call: that frees
// every problem and block the thread's environment holds. GLPK's fatal errors (a failed
// assertion, its memory limit) would abort the process; its error hook leaves the same way.

typedef int (*insula_term_hook)(void *info, const char *text);

typedef struct insula_guard {
    jmp_buf jump;
    const volatile int *flag;
    insula_term_hook forward;
    void *forward_info;
} insula_guard;

static int insula_guarded_term_hook(void *info, const char *text) {
    insula_guard *context = (insula_guard *)info;
    if (context->flag != NULL && __atomic_load_n(context->flag, __ATOMIC_ACQUIRE)) longjmp(context->jump, 1);
    return context->forward != NULL ? context->forward(context->forward_info, text) : 0;
}

// GLPK's error hook: called after GLPK printed its message (through the terminal hook) for
// any of its fatal errors (an assertion, "memory allocation limit exceeded"), where it
// would otherwise abort the process.
static void insula_guarded_error_hook(void *info) { longjmp(((insula_guard *)info)->jump, 2); }

/// Runs glp_simplex (interior == 0) or glp_interior (interior != 0) on `problem`.
/// Returns 0 with GLPK's return code in `*code` when it finished; 1 when it left because
/// `*flag` (may be NULL: never) was raised while GLPK printed a line; 2 when GLPK hit one of
/// its fatal errors, including running out of the `memory_limit_mb` (0: no limit) it may
/// allocate beyond what this thread's environment holds when it starts. After 1 or 2, GLPK's state on this thread is
/// undefined: call glp_free_env() on this thread before any other GLPK call. Lines GLPK
/// prints go to `forward` (the caller's hook, restored afterwards).
static inline int insula_solve_guarded(glp_prob *problem, int interior, const glp_smcp *simplex,
                                       const glp_iptcp *interiorPoint, const volatile int *flag,
                                       insula_term_hook forward, void *forward_info, int memory_limit_mb,
                                       int *code) {
    // On the heap: the hooks' context must stay valid while GLPK runs.
    insula_guard *context = (insula_guard *)malloc(sizeof(insula_guard));
    if (context == NULL) return 2;
    context->flag = flag;
    context->forward = forward;
    context->forward_info = forward_info;
    glp_term_hook(insula_guarded_term_hook, context);
    glp_error_hook(insula_guarded_error_hook, context);
    if (memory_limit_mb > 0) {
        // GLPK's limit counts all its memory on this thread; the problem is loaded already.
        size_t total = 0;
        glp_mem_usage(NULL, NULL, &total, NULL);
        size_t limit = (total >> 20) + 1 + (size_t)memory_limit_mb;
        glp_mem_limit(limit > 0x7fffffff ? 0x7fffffff : (int)limit);
    }
    int jumped = setjmp(context->jump);
    if (jumped != 0) {
        // No GLPK call here: its state is undefined until glp_free_env().
        free(context);
        return jumped;
    }
    *code = interior ? glp_interior(problem, interiorPoint) : glp_simplex(problem, simplex);
    if (memory_limit_mb > 0) glp_mem_limit(0x7fffffff);
    glp_error_hook(NULL, NULL);
    glp_term_hook(forward, forward_info);
    free(context);
    return 0;
}

/// Raises a cancellation flag (from any thread).
static inline void insula_raise_flag(volatile int *flag) { __atomic_store_n(flag, 1, __ATOMIC_RELEASE); }

#endif
