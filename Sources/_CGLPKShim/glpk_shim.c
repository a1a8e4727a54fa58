#include "glpk_shim.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Per-thread state: the jump target and a ring of GLPK's latest terminal output. */
typedef struct {
    jmp_buf jump;
    char output[4096];
    size_t used;
} guard_state;

static _Thread_local guard_state *current_guard = NULL;

static int term_hook(void *info, const char *text) {
    guard_state *g = (guard_state *)info;
    if (g == NULL || text == NULL) return 1;
    size_t len = strlen(text);
    if (len >= sizeof(g->output)) {
        text += len - (sizeof(g->output) - 1);
        len = sizeof(g->output) - 1;
    }
    if (g->used + len >= sizeof(g->output)) {
        /* keep the tail */
        size_t keep = sizeof(g->output) - 1 - len;
        if (keep > g->used) keep = g->used;
        memmove(g->output, g->output + (g->used - keep), keep);
        g->used = keep;
    }
    memcpy(g->output + g->used, text, len);
    g->used += len;
    g->output[g->used] = '\0';
    return 1; /* suppress GLPK's own printing */
}

static void error_hook(void *info) {
    guard_state *g = (guard_state *)info;
    /* GLPK is in an undefined state: free the whole environment (and every problem in it),
     * then leave through the guard. */
    glp_free_env();
    longjmp(g->jump, 1);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
    const pp_model *model;
    pp_result *result;
    double start;
    int stopped;
} callback_state;

static void mip_callback(glp_tree *tree, void *info) {
    callback_state *cs = (callback_state *)info;
    glp_prob *p = glp_ios_get_prob(tree);
    int has_incumbent = glp_mip_status(p) == GLP_FEAS || glp_mip_status(p) == GLP_OPT;
    double incumbent = has_incumbent ? glp_mip_obj_val(p) : 0.0;
    int best = glp_ios_best_node(tree);
    int has_bound = best != 0;
    double bound = has_bound ? glp_ios_node_bound(tree, best) : 0.0;
    if (has_bound) {
        /* keep the weakest-so-far valid bound: the best node's bound is the global bound */
        cs->result->has_bound = 1;
        cs->result->bound = bound;
    }
    if (cs->model->progress != NULL) {
        double elapsed = now_seconds() - cs->start;
        if (cs->model->progress(cs->model->progress_context, has_incumbent, incumbent,
                                has_bound, bound, elapsed) != 0) {
            cs->stopped = 1;
            glp_ios_terminate(tree);
        }
    }
}

static int bound_type(double lb, double ub) {
    int has_lb = !isinf(lb), has_ub = !isinf(ub);
    if (has_lb && has_ub) return lb == ub ? GLP_FX : GLP_DB;
    if (has_lb) return GLP_LO;
    if (has_ub) return GLP_UP;
    return GLP_FR;
}

const char *pp_glpk_version(void) { return glp_version(); }

int pp_glpk_run(const pp_model *m, pp_result *r) {
    if (current_guard != NULL) {
        /* Re-entered from a progress callback: GLPK's environment belongs to the running solve. */
        strcpy(r->message, "a GLPK solve was started from inside a running solve's progress callback");
        r->status = PP_NOT_SOLVED;
        return 3;
    }
    guard_state *volatile g = (guard_state *)calloc(1, sizeof(guard_state));
    int *volatile ia = (int *)malloc(sizeof(int) * (size_t)(m->nnz + 1));
    int *volatile ja = (int *)malloc(sizeof(int) * (size_t)(m->nnz + 1));
    double *volatile ar = (double *)malloc(sizeof(double) * (size_t)(m->nnz + 1));
    volatile int rc = 0;
    guard_state *previous = current_guard;
    r->message[0] = '\0';
    r->has_bound = 0;
    r->bound = 0.0;
    r->objective = 0.0;
    r->status = PP_NOT_SOLVED;
    r->is_mip = 0;
    r->elapsed_seconds = 0.0;
    if (g == NULL || ia == NULL || ja == NULL || ar == NULL) {
        free(g); free(ia); free(ja); free(ar);
        strcpy(r->message, "out of memory preparing the GLPK problem");
        return 1;
    }
    current_guard = g;
    double start = now_seconds();

    if (setjmp(g->jump) != 0) {
        /* GLPK reported an internal error; error_hook already freed the environment. */
        strncpy(r->message, g->output, sizeof(r->message) - 1);
        r->message[sizeof(r->message) - 1] = '\0';
        rc = 1;
        goto done;
    }

    glp_term_hook(term_hook, g);
    glp_error_hook(error_hook, g);
    {
        glp_prob *p = glp_create_prob();
        glp_set_obj_dir(p, m->maximize ? GLP_MAX : GLP_MIN);
        glp_set_obj_coef(p, 0, m->obj_const);
        int is_mip = 0;
        if (m->n_rows > 0) glp_add_rows(p, m->n_rows);
        if (m->n_cols > 0) glp_add_cols(p, m->n_cols);
        for (int i = 0; i < m->n_rows; i++) {
            glp_set_row_bnds(p, i + 1, bound_type(m->row_lb[i], m->row_ub[i]),
                             isinf(m->row_lb[i]) ? 0.0 : m->row_lb[i],
                             isinf(m->row_ub[i]) ? 0.0 : m->row_ub[i]);
            if (m->row_names != NULL && m->row_names[i] != NULL) glp_set_row_name(p, i + 1, m->row_names[i]);
        }
        for (int j = 0; j < m->n_cols; j++) {
            int kind = m->col_kind[j];
            if (kind == PP_BINARY) { glp_set_col_kind(p, j + 1, GLP_BV); is_mip = 1; }
            else if (kind == PP_INTEGER) { glp_set_col_kind(p, j + 1, GLP_IV); is_mip = 1; }
            if (kind != PP_BINARY) {
                glp_set_col_bnds(p, j + 1, bound_type(m->col_lb[j], m->col_ub[j]),
                                 isinf(m->col_lb[j]) ? 0.0 : m->col_lb[j],
                                 isinf(m->col_ub[j]) ? 0.0 : m->col_ub[j]);
            }
            glp_set_obj_coef(p, j + 1, m->obj[j]);
            if (m->col_names != NULL && m->col_names[j] != NULL) glp_set_col_name(p, j + 1, m->col_names[j]);
        }
        for (int k = 0; k < m->nnz; k++) {
            ia[k + 1] = m->ia[k] + 1;
            ja[k + 1] = m->ja[k] + 1;
            ar[k + 1] = m->ar[k];
        }
        glp_load_matrix(p, m->nnz, ia, ja, ar);
        r->is_mip = is_mip;

        if (m->lp_path != NULL && glp_write_lp(p, NULL, m->lp_path) != 0) rc = 2;
        if (m->mps_path != NULL && glp_write_mps(p, GLP_MPS_FILE, NULL, m->mps_path) != 0) rc = 2;
        if (rc != 0 || !m->solve) {
            glp_delete_prob(p);
            goto freeenv;
        }

        /* 1. LP relaxation: status, unboundedness, and a first valid bound. */
        glp_smcp sm;
        glp_init_smcp(&sm);
        sm.msg_lev = GLP_MSG_ERR;
        sm.presolve = m->presolve ? GLP_ON : GLP_OFF;
        if (m->time_limit_seconds > 0) sm.tm_lim = (int)fmin(m->time_limit_seconds * 1000.0, 2e9);
        int ret = glp_simplex(p, &sm);
        int lp_status = glp_get_status(p);
        if (ret == GLP_ENOPFS || lp_status == GLP_NOFEAS) {
            r->status = PP_INFEASIBLE;
        } else if (ret == GLP_ENODFS || lp_status == GLP_UNBND) {
            r->status = PP_UNBOUNDED;
        } else if (ret == GLP_ETMLIM) {
            r->status = PP_NO_SOLUTION;
        } else if (ret != 0 || lp_status != GLP_OPT) {
            if (m->presolve && ret == 0 && lp_status == GLP_UNDEF) {
                r->status = PP_INFEASIBLE;
            } else {
                r->status = PP_NO_SOLUTION;
            }
        } else if (!is_mip) {
            r->status = PP_OPTIMAL;
            r->objective = glp_get_obj_val(p);
            r->has_bound = 1;
            r->bound = r->objective;
            for (int j = 0; j < m->n_cols; j++) r->values[j] = glp_get_col_prim(p, j + 1);
            if (r->row_duals != NULL) {
                for (int i = 0; i < m->n_rows; i++) r->row_duals[i] = glp_get_row_dual(p, i + 1);
            }
        } else {
            r->has_bound = 1;
            r->bound = glp_get_obj_val(p);
            /* 2. Branch and cut from the optimal LP basis. */
            glp_iocp io;
            glp_init_iocp(&io);
            io.msg_lev = GLP_MSG_ERR;
            io.presolve = GLP_OFF;
            io.mip_gap = m->mip_gap;
            if (m->cuts) {
                io.fp_heur = GLP_ON;
                io.gmi_cuts = GLP_ON;
                io.mir_cuts = GLP_ON;
                io.cov_cuts = GLP_ON;
                io.clq_cuts = GLP_ON;
            }
            io.bt_tech = GLP_BT_BLB;
            if (m->time_limit_seconds > 0) {
                double left = m->time_limit_seconds - (now_seconds() - start);
                if (left < 0.05) left = 0.05;
                io.tm_lim = (int)fmin(left * 1000.0, 2e9);
            }
            callback_state cs = {m, r, start, 0};
            io.cb_func = mip_callback;
            io.cb_info = &cs;
            int iret = glp_intopt(p, &io);
            int mip_status = glp_mip_status(p);
            int has_incumbent = mip_status == GLP_OPT || mip_status == GLP_FEAS;
            if (has_incumbent) {
                r->objective = glp_mip_obj_val(p);
                for (int j = 0; j < m->n_cols; j++) r->values[j] = glp_mip_col_val(p, j + 1);
            }
            if (iret == 0 && mip_status == GLP_OPT) {
                r->status = PP_OPTIMAL;
                r->bound = r->objective;
            } else if (iret == 0 && mip_status == GLP_NOFEAS) {
                r->status = PP_INFEASIBLE;
            } else if (iret == GLP_EMIPGAP && has_incumbent) {
                r->status = PP_GAP_REACHED;
            } else if (iret == GLP_ETMLIM) {
                r->status = has_incumbent ? PP_TIME_LIMIT : PP_NO_SOLUTION;
            } else if (iret == GLP_ESTOP) {
                r->status = has_incumbent ? PP_STOPPED : PP_NO_SOLUTION;
            } else if (iret == GLP_ENOPFS) {
                r->status = PP_INFEASIBLE;
            } else {
                r->status = has_incumbent ? PP_TIME_LIMIT : PP_NO_SOLUTION;
            }
            /* The bound is reported as GLPK gives it, never clamped to the incumbent: a bound on
               the wrong side of the incumbent is a defect to be seen, not hidden. */
        }
        glp_delete_prob(p);
    }
freeenv:
    strncpy(r->message, g->output, sizeof(r->message) - 1);
    r->message[sizeof(r->message) - 1] = '\0';
    glp_free_env();
done:
    r->elapsed_seconds = now_seconds() - start;
    current_guard = previous;
    free(ia);
    free(ja);
    free(ar);
    free(g);
    return rc;
}
