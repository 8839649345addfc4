from textwrap import dedent as d
from dsl import Diagram, g


def event_registration():
    D = Diagram("event-registration", "event_registration", "Workshop registration")
    D.add("start", "StartEvent_1", None, g(0, 1))
    D.add("user", "Task_Register", "Register", g(1, 1), fields=[
        ("name", "Name", "string"), ("email", "E-mail", "string"), ("workshops", "Workshops (comma separated)", "string")])
    D.add("xor", "Gateway_Check", None, g(2, 1))
    D.add("script", "Task_Validate", "Validate registration", g(3, 1), script=d("""
        from re import fullmatch
        from datetime import date, timedelta
        valid_email = fullmatch(r'[^@\\s]+@[^@\\s]+\\.[a-z]{2,}', email) is not None
        chosen = sorted({w.strip() for w in workshops.split(',') if w.strip()})
        event_day = date(2026, 5, 14)
        reminder_on = (event_day - timedelta(days=7)).isoformat()
        """))
    D.add("xor", "Gateway_Valid", "E-mail valid?", g(4, 1))
    D.add("user", "Task_FixEmail", "Correct e-mail", g(4, 3), fields=[("email", "E-mail", "string")])
    D.add("and", "Gateway_Split", None, g(5, 1))
    D.add("script", "Task_Confirm", "Send confirmation", g(6, 0), script=d("""
        confirmation = 'Dear %s, you are registered for %s. Reminder on %s.' % (name, ' and '.join(chosen), reminder_on)
        """))
    D.add("script", "Task_Seats", "Reserve seats", g(6, 2), script=d("""
        seats = {w: 'S-%02d' % (i + 1) for i, w in enumerate(chosen)}
        """))
    D.add("and", "Gateway_Join", None, g(7, 1))
    D.add("end", "EndEvent_1", "Registered", g(8, 1))
    D.flow("Flow_1", "StartEvent_1", "Task_Register")
    D.flow("Flow_2", "Task_Register", "Gateway_Check")
    D.flow("Flow_3", "Gateway_Check", "Task_Validate")
    D.flow("Flow_4", "Task_Validate", "Gateway_Valid")
    D.flow("Flow_Invalid", "Gateway_Valid", "Task_FixEmail", cond="not valid_email", name="no")
    D.flow("Flow_Retry", "Task_FixEmail", "Gateway_Check", via=("points", [(790, 530), (520, 530), (520, 295)]))
    D.flow("Flow_Valid", "Gateway_Valid", "Gateway_Split", name="yes", default=True)
    D.flow("Flow_5", "Gateway_Split", "Task_Confirm")
    D.flow("Flow_6", "Gateway_Split", "Task_Seats")
    D.flow("Flow_7", "Task_Confirm", "Gateway_Join")
    D.flow("Flow_8", "Task_Seats", "Gateway_Join")
    D.flow("Flow_9", "Gateway_Join", "EndEvent_1")
    answers = {
        "": {"process": "event_registration", "steps": [
            {"complete": "Task_Register", "variables": {"name": "Ines", "email": "ines@example.org", "workshops": "python, bpmn, python"}}]},
        "fix-email": {"process": "event_registration", "steps": [
            {"complete": "Task_Register", "variables": {"name": "Jon", "email": "jon at example", "workshops": "testing"}},
            {"complete": "Task_FixEmail", "variables": {"email": "jon@example.com"}}]},
    }
    return D, answers


def invoice_lines():
    D = Diagram("invoice-lines", "invoice_lines", "Invoice lines")
    D.add("start", "StartEvent_1", None, g(0, 0))
    D.add("user", "Task_Order", "Enter order", g(1, 0), fields=[
        ("customer", "Customer", "string"), ("skus", "SKUs (comma separated)", "string")])
    D.add("script", "Task_Lines", "Build lines", g(2, 0), script=d("""
        catalogue = {'A1': 9.5, 'B2': 20.0, 'C3': 3.25}
        lines = [{'sku': s.strip(), 'price': catalogue.get(s.strip(), 0.0)} for s in skus.split(',')]
        """))
    D.add("script", "Task_PriceLine", "Price lines", g(3, 0), script=d("""
        for line in lines:
            line['tax'] = round(line['price'] * 0.2, 2)
            line['gross'] = round(line['price'] + line['tax'], 2)
        del line
        """))
    D.add("user", "Task_Check", "Confirm line", g(4, 0), fields=[("in_stock", "In stock", "boolean")],
          mi={"collection": "lines", "element": "line"})
    D.add("script", "Task_Total", "Total", g(5, 0), script=d("""
        total = round(sum(l['gross'] for l in lines), 2)
        unknown = [l['sku'] for l in lines if l['price'] == 0.0]
        """))
    D.add("end", "EndEvent_1", None, g(6, 0))
    D.flow("Flow_1", "StartEvent_1", "Task_Order")
    D.flow("Flow_2", "Task_Order", "Task_Lines")
    D.flow("Flow_3", "Task_Lines", "Task_PriceLine")
    D.flow("Flow_4", "Task_PriceLine", "Task_Check")
    D.flow("Flow_5", "Task_Check", "Task_Total")
    D.flow("Flow_6", "Task_Total", "EndEvent_1")
    answers = {
        "": {"process": "invoice_lines", "steps": [
            {"complete": "Task_Order", "variables": {"customer": "Kim", "skus": "A1, B2, Z9"}},
            {"complete": "Task_Check", "variables": {"in_stock": True}},
            {"complete": "Task_Check", "variables": {"in_stock": True}},
            {"complete": "Task_Check", "variables": {"in_stock": False}}]},
    }
    return D, answers


def contract_review():
    D = Diagram("contract-review", "contract_review", "Contract review")
    D.add("start", "StartEvent_1", None, g(0, 1))
    D.add("user", "Task_Draft", "Draft contract", g(1, 1), fields=[
        ("title", "Title", "string"), ("pages", "Pages", "long"), ("value", "Contract value", "long")])
    sub = D.add("sub", "SubProcess_Review", "Legal review", (g(2, 1)[0] + 245, g(2, 1)[1]), size=(590, 200))
    sx = g(2, 1)[0] - 50
    D.add("start", "Event_ReviewStart", None, (sx + 50, 270), parent="SubProcess_Review")
    D.add("script", "Task_Checklist", "Prepare checklist", (sx + 170, 270), parent="SubProcess_Review", script=d("""
        checklist = ['parties', 'term', 'liability']
        if value > 100000:
            checklist.append('board approval')
        """))
    D.add("user", "Task_LegalCheck", "Legal check", (sx + 320, 270), parent="SubProcess_Review", fields=[
        ("legal_ok", "Acceptable", "boolean"), ("remarks", "Remarks", "string")])
    D.add("script", "Task_Summary", "Summarize review", (sx + 470, 270), parent="SubProcess_Review", script=d("""
        review = {'ok': legal_ok, 'items': len(checklist), 'remarks': remarks or None}
        """))
    D.add("end", "Event_ReviewEnd", None, (sx + 570, 270), parent="SubProcess_Review")
    D.flow("Flow_S1", "Event_ReviewStart", "Task_Checklist")
    D.flow("Flow_S2", "Task_Checklist", "Task_LegalCheck")
    D.flow("Flow_S3", "Task_LegalCheck", "Task_Summary")
    D.flow("Flow_S4", "Task_Summary", "Event_ReviewEnd")
    D.add("xor", "Gateway_Ok", "Acceptable?", (sub.center[0] + 295 + 80, 270))
    D.add("script", "Task_Sign", "Sign", (sub.center[0] + 295 + 200, 270), script=d("""
        signed = True
        archive_key = title.lower().replace(' ', '-') + '-%dp' % pages
        """))
    D.add("end", "EndEvent_Signed", "Signed", (sub.center[0] + 295 + 330, 270))
    D.add("script", "Task_Return", "Return to author", (sub.center[0] + 295 + 200, 420), script=d("""
        signed = False
        todo = ['address: ' + review['remarks']] if review['remarks'] else ['unspecified']
        """))
    D.add("end", "EndEvent_Returned", "Returned", (sub.center[0] + 295 + 330, 420))
    D.flow("Flow_1", "StartEvent_1", "Task_Draft")
    D.flow("Flow_2", "Task_Draft", "SubProcess_Review")
    D.flow("Flow_3", "SubProcess_Review", "Gateway_Ok")
    D.flow("Flow_Ok", "Gateway_Ok", "Task_Sign", cond="review['ok']", name="yes")
    D.flow("Flow_NotOk", "Gateway_Ok", "Task_Return", name="no", default=True)
    D.flow("Flow_4", "Task_Sign", "EndEvent_Signed")
    D.flow("Flow_5", "Task_Return", "EndEvent_Returned")
    answers = {
        "": {"process": "contract_review", "steps": [
            {"complete": "Task_Draft", "variables": {"title": "Office Lease", "pages": 12, "value": 250000}},
            {"complete": "Task_LegalCheck", "variables": {"legal_ok": True, "remarks": ""}}]},
        "returned": {"process": "contract_review", "steps": [
            {"complete": "Task_Draft", "variables": {"title": "NDA", "pages": 2, "value": 0}},
            {"complete": "Task_LegalCheck", "variables": {"legal_ok": False, "remarks": "term missing"}}]},
    }
    return D, answers


def payment_reminder():
    D = Diagram("payment-reminder", "payment_reminder", "Payment reminder")
    D.add("start", "StartEvent_1", None, g(0, 0))
    D.add("script", "Task_Invoice", "Create invoice", g(1, 0), script=d("""
        invoice = {'number': 'INV-%04d' % invoice_no, 'amount': amount, 'reminders': 0}
        """))
    host = D.add("user", "Task_Confirm", "Confirm payment", g(2, 0), fields=[("paid_amount", "Amount paid", "long")])
    D.add("boundary", "Event_Timeout", "3 days", (host.center[0] + 20, host.center[1] + 40), host="Task_Confirm", timer='"P3D"')
    D.add("script", "Task_Book", "Book payment", g(3, 0), script=d("""
        balance = amount - paid_amount
        invoice['status'] = 'paid' if balance <= 0 else 'partly paid'
        """))
    D.add("end", "EndEvent_Paid", "Settled", g(4, 0))
    D.add("script", "Task_Escalate", "Escalate", g(3, 1), script=d("""
        invoice['reminders'] += 1
        invoice['status'] = 'overdue'
        escalated_to = 'collections'
        """))
    D.add("end", "EndEvent_Escalated", "Escalated", g(4, 1))
    D.flow("Flow_1", "StartEvent_1", "Task_Invoice")
    D.flow("Flow_2", "Task_Invoice", "Task_Confirm")
    D.flow("Flow_3", "Task_Confirm", "Task_Book")
    D.flow("Flow_4", "Task_Book", "EndEvent_Paid")
    D.flow("Flow_5", "Event_Timeout", "Task_Escalate")
    D.flow("Flow_6", "Task_Escalate", "EndEvent_Escalated")
    answers = {
        "": {"process": "payment_reminder", "variables": {"invoice_no": 17, "amount": 300}, "steps": [
            {"complete": "Task_Confirm", "variables": {"paid_amount": 300}}]},
        "overdue": {"process": "payment_reminder", "variables": {"invoice_no": 18, "amount": 120}, "steps": [
            {"timer": "next", "_oracle_timer": "Event_Timeout"}]},
    }
    return D, answers


def parcel_delivery():
    D = Diagram("parcel-delivery", "parcel_delivery", "Parcel delivery")
    D.messages.append(("Message_Scanned", "parcel_scanned"))
    D.add("start", "StartEvent_1", None, g(0, 0))
    D.add("user", "Task_Label", "Print label", g(1, 0), fields=[("recipient", "Recipient", "string"), ("weight_g", "Weight (g)", "long")])
    D.add("script", "Task_Rate", "Choose rate", g(2, 0), script=d("""
        rates = [(500, 'letter', 1.1), (2000, 'small parcel', 4.9), (31500, 'parcel', 9.9)]
        tariff = next(({'name': n, 'price': p} for limit, n, p in rates if weight_g <= limit), None)
        """))
    D.add("catch", "Event_Scanned", "Parcel scanned", g(3, 0), message="Message_Scanned")
    D.add("script", "Task_Track", "Update tracking", g(4, 0), script=d("""
        scan = Event_Scanned_Response or {}
        tracking = {'recipient': recipient, 'depot': scan.get('depot'), 'tariff': tariff['name']}
        """))
    D.add("end", "EndEvent_1", None, g(5, 0))
    D.flow("Flow_1", "StartEvent_1", "Task_Label")
    D.flow("Flow_2", "Task_Label", "Task_Rate")
    D.flow("Flow_3", "Task_Rate", "Event_Scanned")
    D.flow("Flow_4", "Event_Scanned", "Task_Track")
    D.flow("Flow_5", "Task_Track", "EndEvent_1")
    answers = {
        "": {"process": "parcel_delivery", "steps": [
            {"complete": "Task_Label", "variables": {"recipient": "Lea", "weight_g": 1200}},
            {"message": "parcel_scanned", "variables": {"depot": "Hamburg", "at": "07:40"}}]},
    }
    return D, answers
