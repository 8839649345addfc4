#include <libxml/xmlversion.h>
/* Debian/Ubuntu build libxml2 with ICU, and then <libxml/encoding.h> includes the system ICU
 * header <unicode/ucnv.h>. Its UErrorCode clashes with the ICU copy inside Swift's Foundation
 * (_FoundationICU) in any module that sees both (BPMNParser imports BPMNModel, which imports
 * Foundation), and the build fails. Hiding ICU only drops two trailing pointer fields of
 * xmlCharEncodingHandler from Swift's view; bpmnrun never allocates that struct or reads them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
