/* govdisc.read._pdfium_scan: what pdfium tells of a text page's chars, of a page's objects and of a path,
 * each in one call.
 *
 * The compiled form of govdisc.read.pdf_pdfium's _scan_calls, _objects_calls and _path_calls (its reference,
 * which it must equal): the same pdfium functions called in the same order, without a ctypes call per
 * function per char, object or segment. pdfium's
 * functions are those of the pypdfium2 library already loaded, handed over once by bind(); no pdfium header
 * is needed, only the signatures of its public API (fpdf_text.h, fpdf_edit.h).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct { float left, top, right, bottom; } Rect;              /* FS_RECTF */
typedef struct { float a, b, c, d, e, f; } Matrix;                    /* FS_MATRIX */

static int (*count_chars)(void *);
static unsigned int (*get_unicode)(void *, int);
static int (*is_generated)(void *, int);
static int (*map_error)(void *, int);
static void *(*text_object)(void *, int);
static int (*loose_box)(void *, int, Rect *);
static int (*char_matrix)(void *, int, Matrix *);
static double (*font_size)(void *, int);
static void *(*text_font)(void *);
static int (*count_objects)(void *);
static void *(*get_object)(void *, int);
static int (*form_count)(void *);
static void *(*form_object)(void *, unsigned long);
static int (*object_type)(void *);
static int (*object_matrix)(void *, Matrix *);
static int (*draw_mode)(void *, int *, int *);
static int (*count_segments)(void *);
static void *(*get_segment)(void *, int);
static int (*segment_type)(void *);
static int (*segment_point)(void *, float *, float *);
static int (*segment_closes)(void *);
static int bound;

#define FUNCTIONS 21

static PyObject *bind(PyObject *self, PyObject *arg) {
    void *f[FUNCTIONS];
    PyObject *seq = PySequence_Fast(arg, "bind() takes a sequence of addresses");
    if (!seq)
        return NULL;
    if (PySequence_Fast_GET_SIZE(seq) != FUNCTIONS) {
        Py_DECREF(seq);
        PyErr_Format(PyExc_ValueError, "bind() takes %d addresses", FUNCTIONS);
        return NULL;
    }
    for (int i = 0; i < FUNCTIONS; i++) {
        f[i] = PyLong_AsVoidPtr(PySequence_Fast_GET_ITEM(seq, i));
        if (!f[i]) {
            Py_DECREF(seq);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a null function address");
            return NULL;
        }
    }
    Py_DECREF(seq);
    /* the order of govdisc.read.pdf_pdfium._COMPILED_CALLS */
    count_chars = (int (*)(void *))f[0];
    get_unicode = (unsigned int (*)(void *, int))f[1];
    is_generated = (int (*)(void *, int))f[2];
    map_error = (int (*)(void *, int))f[3];
    text_object = (void *(*)(void *, int))f[4];
    loose_box = (int (*)(void *, int, Rect *))f[5];
    char_matrix = (int (*)(void *, int, Matrix *))f[6];
    font_size = (double (*)(void *, int))f[7];
    text_font = (void *(*)(void *))f[8];
    count_objects = (int (*)(void *))f[9];
    get_object = (void *(*)(void *, int))f[10];
    form_count = (int (*)(void *))f[11];
    form_object = (void *(*)(void *, unsigned long))f[12];
    object_type = (int (*)(void *))f[13];
    object_matrix = (int (*)(void *, Matrix *))f[14];
    draw_mode = (int (*)(void *, int *, int *))f[15];
    count_segments = (int (*)(void *))f[16];
    get_segment = (void *(*)(void *, int))f[17];
    segment_type = (int (*)(void *))f[18];
    segment_point = (int (*)(void *, float *, float *))f[19];
    segment_closes = (int (*)(void *))f[20];
    bound = 1;
    Py_RETURN_NONE;
}

/* The handle passed, or NULL with an exception set. */
static void *handle(PyObject *arg) {
    if (!bound) {
        PyErr_SetString(PyExc_RuntimeError, "bind() was not called");
        return NULL;
    }
    void *h = PyLong_AsVoidPtr(arg);
    if (!h && !PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "a null handle");
    return h;
}

static PyObject *objects(PyObject *self, PyObject *args) {
    PyObject *container;
    int is_page;
    if (!PyArg_ParseTuple(args, "Op", &container, &is_page))
        return NULL;
    void *parent = handle(container);
    if (!parent)
        return NULL;
    int count = is_page ? count_objects(parent) : form_count(parent);
    PyObject *out = PyList_New(count > 0 ? count : 0);
    if (!out)
        return NULL;
    for (int i = 0; i < count; i++) {
        void *obj = is_page ? get_object(parent, i) : form_object(parent, (unsigned long)i);
        PyObject *item = Py_BuildValue("(Ki)", (unsigned long long)(uintptr_t)obj, obj ? object_type(obj) : 0);
        if (!item) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, item);
    }
    return out;
}

static PyObject *path(PyObject *self, PyObject *arg) {
    void *obj = handle(arg);
    if (!obj)
        return NULL;
    int fill = 0, stroke = 0;
    draw_mode(obj, &fill, &stroke);
    Matrix m;
    PyObject *matrix;
    if (object_matrix(obj, &m))
        matrix = Py_BuildValue("(dddddd)", (double)m.a, (double)m.b, (double)m.c, (double)m.d, (double)m.e,
                               (double)m.f);
    else
        matrix = Py_NewRef(Py_None);
    if (!matrix)
        return NULL;
    int count = count_segments(obj);
    PyObject *segments = PyList_New(count > 0 ? count : 0);
    if (!segments) {
        Py_DECREF(matrix);
        return NULL;
    }
    for (int i = 0; i < count; i++) {
        void *seg = get_segment(obj, i);
        float x = 0, y = 0;
        int kind = seg ? segment_type(seg) : -1;
        int closes = 0;
        if (seg) {
            segment_point(seg, &x, &y);
            closes = segment_closes(seg);
        }
        PyObject *item = Py_BuildValue("(iddN)", kind, (double)x, (double)y, PyBool_FromLong(closes));
        if (!item) {
            Py_DECREF(matrix);
            Py_DECREF(segments);
            return NULL;
        }
        PyList_SET_ITEM(segments, i, item);
    }
    return Py_BuildValue("(NNNN)", PyBool_FromLong(fill), PyBool_FromLong(stroke), matrix, segments);
}

static PyObject *scan(PyObject *self, PyObject *arg) {
    void *page = handle(arg);
    if (!page)
        return NULL;
    int count = count_chars(page);
    PyObject *out = PyList_New(count > 0 ? count : 0);
    if (!out)
        return NULL;
    Rect rect = {0, 0, 0, 0};      /* kept from char to char, as the reference's buffers are */
    Matrix matrix = {0, 0, 0, 0, 0, 0};
    void *previous = NULL;
    for (int i = 0; i < count; i++) {
        unsigned int code = get_unicode(page, i);
        int generated = is_generated(page, i);
        int unmapped = map_error(page, i);
        void *owner = text_object(page, i);
        PyObject *style;
        if (i == 0 || owner != previous) {
            char_matrix(page, i, &matrix);
            double size = font_size(page, i);
            style = Py_BuildValue("(dddddK)", (double)matrix.a, (double)matrix.b, (double)matrix.c,
                                  (double)matrix.d, size, (unsigned long long)(uintptr_t)(owner ? text_font(owner) : NULL));
        } else {
            style = Py_NewRef(Py_None);
        }
        if (!style) {
            Py_DECREF(out);
            return NULL;
        }
        previous = owner;
        loose_box(page, i, &rect);
        PyObject *item = Py_BuildValue("(INNKdddN)", code, PyBool_FromLong(generated), PyBool_FromLong(unmapped),
                                       (unsigned long long)(uintptr_t)owner, (double)rect.left, (double)rect.right,
                                       (double)rect.bottom, style);
        if (!item) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, item);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"bind", bind, METH_O, "bind(addresses): pdfium's functions, in the order of pdf_pdfium._COMPILED_CALLS."},
    {"scan", scan, METH_O, "scan(textpage): one tuple per char, as pdf_pdfium._scan_calls gives."},
    {"objects", objects, METH_VARARGS, "objects(container, is_page): as pdf_pdfium._objects_calls gives."},
    {"path", path, METH_O, "path(path): as pdf_pdfium._path_calls gives."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pdfium_scan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__pdfium_scan(void) { return PyModule_Create(&module); }
