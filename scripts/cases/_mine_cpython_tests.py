import ast, sys, re, json
FUNCS = {'eval','compile','literal_eval','_check_error','check','check_syntax_error',
         'assertAllRaise','parse','check_syntax_warning','assertRaises','assertRaisesRegex',
         'assertSyntaxError','_check','checkEqual'}
def strs_from_call(node):
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', None)
    if name not in FUNCS: return []
    out = []
    args = node.args
    if name in ('assertRaises','assertRaisesRegex'):
        # assertRaises(Exc, eval, "..")
        if len(args) >= 3 and isinstance(args[1], (ast.Name, ast.Attribute)):
            fn = args[1].attr if isinstance(args[1], ast.Attribute) else args[1].id
            if fn in ('eval','literal_eval','compile','parse'):
                args = args[2:3] if name=='assertRaises' else args[3:4]
            else: return []
        else: return []
    for a in args[:1] if name!='assertAllRaise' else args[2:3]:
        if isinstance(a, ast.Constant) and isinstance(a.value, str): out.append(a.value)
        if isinstance(a, ast.Constant) and isinstance(a.value, bytes):
            try: out.append(a.value.decode('utf-8'))
            except UnicodeDecodeError: pass
        if isinstance(a, (ast.List, ast.Tuple)):
            for e in a.elts:
                if isinstance(e, ast.Constant) and isinstance(e.value, str): out.append(e.value)
    return out
res = {}
for path in sys.argv[1:]:
    src = open(path, encoding='utf-8').read()
    tree = ast.parse(src)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            out += strs_from_call(node)
    # doctests
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and '>>> ' in node.value:
            lines = node.value.split('\n')
            i = 0
            while i < len(lines):
                l = lines[i].strip()
                if l.startswith('>>> '):
                    buf = [l[4:]]
                    j = i+1
                    while j < len(lines) and lines[j].strip().startswith('...'):
                        buf.append(lines[j].strip()[4:]); j += 1
                    out.append('\n'.join(buf)); i = j
                else: i += 1
    res[path.split('/')[-1]] = out
json.dump(res, sys.stdout)
