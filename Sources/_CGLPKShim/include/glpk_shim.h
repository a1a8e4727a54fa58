#ifndef PANELPLAN_GLPK_SHIM_H
#define PANELPLAN_GLPK_SHIM_H

/* A guarded, one-call interface to GLPK.
 *
 * GLPK calls abort() on internal errors (bad indices, duplicate matrix entries, allocator
 * failure). pp_glpk_run builds, solves, exports and frees a whole problem inside one C frame
 * guarded by setjmp, with glp_error_hook installed, so an internal error comes back as a
 * return code and GLPK's own message instead of killing the process. No Swift frame is ever
 * crossed by the longjmp: the progress callback gets plain numbers and must not call GLPK.
 *
 * GLPK keeps its environment per thread; pp_glpk_run frees the calling thread's environment
 * before it returns, so every call starts clean and several threads may solve at once.
 */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum pp_col_kind { PP_CONTINUOUS = 0, PP_INTEGER = 1, PP_BINARY = 2 };

enum pp_status {
    PP_OPTIMAL = 0,      /* proven optimal (within the MIP gap tolerance when it is 0) */
    PP_GAP_REACHED = 1,  /* stopped at the relative MIP gap tolerance with an incumbent */
    PP_TIME_LIMIT = 2,   /* time limit reached, an incumbent exists */
    PP_INFEASIBLE = 3,   /* no feasible solution exists */
    PP_UNBOUNDED = 4,    /* the objective is unbounded */
    PP_NO_SOLUTION = 5,  /* stopped (time limit or callback) before any feasible solution */
    PP_STOPPED = 6,      /* the progress callback asked to stop, an incumbent exists */
    PP_NOT_SOLVED = 7    /* solve was not requested (export only) */
};

/* Progress: called on every branch-and-cut callback. Return nonzero to stop the search. */
typedef int (*pp_progress_fn)(void *context, int has_incumbent, double incumbent,
                              int has_bound, double bound, double elapsed_seconds);

typedef struct {
    int maximize;                 /* 0 = minimize, 1 = maximize */
    int n_cols;
    const int *col_kind;          /* pp_col_kind per column */
    const double *col_lb;         /* -HUGE_VAL = no lower bound */
    const double *col_ub;         /* +HUGE_VAL = no upper bound */
    const double *obj;            /* objective coefficient per column */
    double obj_const;
    const char *const *col_names; /* may be NULL */
    int n_rows;
    const double *row_lb;
    const double *row_ub;
    const char *const *row_names; /* may be NULL */
    int nnz;
    const int *ia;                /* 0-based row index per nonzero */
    const int *ja;                /* 0-based column index per nonzero */
    const double *ar;
    double time_limit_seconds;    /* <= 0: none */
    double mip_gap;               /* relative gap tolerance, 0 = prove optimality */
    int presolve;                 /* nonzero: use GLPK's presolver for the LP relaxation */
    int cuts;                     /* nonzero: cutting planes and the feasibility pump in branch and cut */
    int solve;                    /* zero: build and export only */
    const char *lp_path;          /* may be NULL: write CPLEX LP here before solving */
    const char *mps_path;         /* may be NULL: write free MPS here before solving */
    pp_progress_fn progress;      /* may be NULL */
    void *progress_context;
} pp_model;

typedef struct {
    int status;                   /* pp_status */
    int is_mip;
    double objective;
    int has_bound;
    double bound;                 /* best bound from the relaxation / branch and bound */
    double elapsed_seconds;
    double *values;               /* caller-allocated, n_cols entries */
    double *row_duals;            /* caller-allocated, n_rows entries, or NULL; set for an optimal LP */
    char message[4096];           /* GLPK's message on error; otherwise its last output */
} pp_result;

/* Returns 0 on success, 1 when GLPK reported an internal error (message in result->message),
 * 2 when writing an export file failed, 3 when called while a solve runs on the same thread
 * (from a progress callback): refused, since a second solve would free the first one's
 * environment. */
int pp_glpk_run(const pp_model *model, pp_result *result);

/* The GLPK library version, e.g. "5.0". */
const char *pp_glpk_version(void);

#ifdef __cplusplus
}
#endif

#endif
