use safelit::*;
struct R;
impl Builder for R {
    type Value = String;
    type Dict = Vec<String>;
    type Set = Vec<String>;
    fn none(&mut self) -> String {
        "None".into()
    }
    fn bool(&mut self, v: bool) -> String {
        if v {
            "True".into()
        } else {
            "False".into()
        }
    }
    fn ellipsis(&mut self) -> String {
        "Ellipsis".into()
    }
    fn int(&mut self, v: Int) -> String {
        format!("{v}")
    }
    fn float(&mut self, v: f64) -> String {
        format!("{v:?}")
    }
    fn complex(&mut self, v: Complex) -> String {
        format!("({:?}+{:?}j)", v.re, v.im)
    }
    fn str(&mut self, v: PyStr) -> String {
        format!("{:?}", v.to_string_lossy())
    }
    fn bytes(&mut self, v: Vec<u8>) -> String {
        format!("b{:?}", String::from_utf8_lossy(&v))
    }
    fn list(&mut self, v: Vec<String>) -> String {
        format!("[{}]", v.join(", "))
    }
    fn tuple(&mut self, v: Vec<String>) -> String {
        format!("({})", v.join(", "))
    }
    fn dict_new(&mut self) -> Vec<String> {
        vec![]
    }
    fn dict_insert(&mut self, d: &mut Vec<String>, k: String, v: String) -> Result<(), Unhashable> {
        if k.starts_with('[') {
            return Err(Unhashable::new("list"));
        }
        d.push(format!("{k}: {v}"));
        Ok(())
    }
    fn dict_finish(&mut self, d: Vec<String>) -> String {
        format!("{{{}}}", d.join(", "))
    }
    fn set_new(&mut self) -> Vec<String> {
        vec![]
    }
    fn set_add(&mut self, s: &mut Vec<String>, v: String) -> Result<(), Unhashable> {
        s.push(v);
        Ok(())
    }
    fn set_finish(&mut self, s: Vec<String>) -> String {
        format!("set{{{}}}", s.join(", "))
    }
}
fn main() {
    for text in std::env::args().skip(1) {
        let text = text.replace("\\n", "\n");
        match parse_into(&text, &Limits::default(), &mut R) {
            Ok((v, w)) => println!("{text:?} => {v}   warnings={w:?}"),
            Err(e) => println!("{text:?} => {:?}: {e}", e.kind()),
        }
    }
}
