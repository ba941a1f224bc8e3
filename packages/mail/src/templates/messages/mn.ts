import type { Messages } from './en';

export const mn = {
  'mail.greeting': 'Сайн байна уу, {name},',
  'mail.why': 'Та Parkbridge-ийн имэйлийн тохиргооныхоо дагуу энэ имэйлийг хүлээн авч байна.',
  'mail.settings': 'Parkbridge-ээс ирэх имэйлээ өөрчлөх',
  'mail.unsubscribe': 'Ийм имэйл хүлээн авахаа болих',
  'mail.unsubscribeDigest': 'Өдөр тутмын тоймыг зогсоох',
  'mail.signature': 'Parkbridge, танай аж үйлдвэрийн паркийн зах',
  'mail.linkHint': 'Эсвэл энэ хаягийг нээнэ үү:',

  'action.need': 'Хэрэгцээг нээх',
  'action.deal': 'Хэлцлийг нээх',
  'action.dealRoom': 'Хэлцлийн өрөөг нээх',
  'action.offering': 'Зарыг нээх',
  'action.bookings': 'Захиалгуудаа харах',
  'action.expoBookings': 'Захиалгуудыг хянах',
  'action.settings': 'Тохиргоогоо нээх',
  'action.digest': 'Parkbridge-ийг нээх',

  'digest.subject': 'Таны Parkbridge тойм, {date}',
  'digest.intro': 'Өмнөх тоймоос хойш болсон зүйлс:',
  'digest.more': 'Апп дахь мэдэгдлүүдэд илүү олон зүйл бий.',

  'need.matched.subject': 'Таны саналд тохирох шинэ хэрэгцээ: {need}',
  'need.matched.body':
    '«{need}» хэрэгцээ дөнгөж нийтлэгдсэн бөгөөд таны санал болгодог зүйлд тохирч байна. Үнийн санал {closesAt}-нд хаагдана.',
  'need.amended.subject': 'Таны санал өгсөн хэрэгцээнд өөрчлөлт орсон: {need}',
  'need.amended.body':
    'Худалдан авагч «{need}»-ийг өөрчилсөн: {reason}. Шинэ нөхцөлийг шалгаад саналаа дахин баталгаажуулна уу.',
  'need.cancelled.subject': 'Таны санал өгсөн хэрэгцээг цуцалсан: {need}',
  'need.cancelled.body': 'Худалдан авагч «{need}»-ийг цуцалсан. Дурдсан шалтгаан: {reason}',
  'need.extended.subject': '«{need}»-ийн хаагдах хугацаа өөрчлөгдсөн',
  'need.extended.body': '«{need}»-д өгөх үнийн санал одоо {closesAt}-нд хаагдана.',
  'need.closed.subject': 'Таны хэрэгцээний үнийн санал хаагдсан: {need}',
  'need.closed.body':
    '«{need}»-ийн үнийн санал {bids} саналтайгаар хаагдлаа. Тэдгээрийг харьцуулж нэгийг нь сонгох, эсвэл шалтгаанаа бичээд цуцална уу.',
  'question.asked.subject': 'Нийлүүлэгч {need}-ийн талаар асуулт асуусан',
  'question.asked.body':
    'Нийлүүлэгч таны «{need}» хэрэгцээний талаар асуулт асуусан. Хариулна уу: бүх санал өгөгч хариултыг харна, асуугчийг хэзээ ч үзэхгүй.',
  'question.answered.subject': '{need}-ийн талаарх асуултад хариулсан',
  'question.answered.body':
    'Худалдан авагч «{need}»-ийн талаарх асуултад хариулсан. Санал өгөх, засахаасаа өмнө хариултыг уншина уу.',
  'bid.outbid.subject': '{need}-д таныхаас сайн санал ирлээ',
  'bid.outbid.body':
    'Одоо өөр нийлүүлэгч «{need}»-д хамгийн сайн үнийг санал болгож байна. Хаагдах хүртэл саналаа засаж болно.',
  'bid.needs_reconfirmation.subject': '{need}-д өгсөн саналаа дахин баталгаажуулна уу',
  'bid.needs_reconfirmation.body':
    '«{need}» хэрэгцээнд өөрчлөлт орсон тул таны саналыг шинэ нөхцөлөөр дахин баталгаажуулах хэрэгтэй.',
  'bid.won.subject': 'Таны санал шалгарлаа: {need}',
  'bid.won.body':
    'Худалдан авагч «{need}»-д өгсөн таны саналыг сонгосон. {dealRef} хэлцэл үүслээ: үргэлжлүүлэхийн тулд баталгаажуулна уу.',
  'bid.lost.subject': 'Худалдан авагч {need}-д өөр санал сонгосон',
  'bid.lost.body': 'Худалдан авагч «{need}»-д өөр санал сонгосон. Санал өгсөнд баярлалаа.',
  'award.approval_requested.subject': '{need}-ийн шалгаруулалт таны зөвшөөрлийг хүлээж байна',
  'award.approval_requested.body':
    'Хамтран ажиллагч тань байгууллагын зөвшөөрлийн босгоос дээш «{need}»-ийг шалгаруулахыг хүссэн. Хоёр дахь админыг хүлээж байна: хэрэгцээг нээж зөвшөөрөх эсвэл татгалзана уу.',
  'deal.confirmed.subject': '{dealRef} хэлцэл баталгаажсан: {deal}',
  'deal.confirmed.body': 'Худалдагч «{deal}»-ийн {dealRef} хэлцлийг баталгаажууллаа.',
  'deal.delivered.subject': '{dealRef} хэлцэл хүргэгдсэн: {deal}',
  'deal.delivered.body':
    'Худалдагч «{deal}»-ийн {dealRef} хэлцлийг хүргэсэн гэж тэмдэглэлээ. Бараа ирмэгц хүлээн авснаа баталгаажуулна уу.',
  'deal.accepted.subject': '{dealRef} хэлцлийн хүргэлтийг хүлээн авсан: {deal}',
  'deal.accepted.body':
    'Худалдан авагч «{deal}»-ийн {dealRef} хэлцлийн хүргэлтийг хүлээн авлаа. Одоо бие биеэ үнэлж болно.',
  'deal.rated.subject': '{dealRef} хэлцэлд танд үнэлгээ өгсөн',
  'deal.rated.body': 'Нөгөө тал «{deal}»-ийн {dealRef} хэлцэлд үнэлгээ өгсөн.',
  'deal.cancelled.subject': '{dealRef} хэлцлийг цуцалсан: {deal}',
  'deal.cancelled.body': 'Нөгөө тал «{deal}»-ийн {dealRef} хэлцлийг цуцалсан. Дурдсан шалтгаан: {reason}',
  'deal.message.subject': '{dealRef} хэлцэлд шинэ зурвас: {deal}',
  'deal.message.body': 'Нөгөө тал «{deal}»-ийн {dealRef} хэлцлийн өрөөнд танд бичсэн байна.',
  'booking.requested.subject': '{expo}-ийн {slot} талбай таны зөвшөөрлийг хүлээж байна',
  'booking.requested.body':
    'Нэг компани {expo}-ийн {slot} талбайг захиалах хүсэлт гаргасан. Захиалгыг зөвшөөрөх эсвэл татгалзана уу.',
  'booking.confirmed.subject': '{expo}-ийн {slot} талбайн захиалга баталгаажсан',
  'booking.confirmed.body': 'Парк таны {expo}-ийн {slot} талбайн захиалгыг зөвшөөрлөө.',
  'booking.rejected.subject': '{expo}-ийн {slot} талбайн захиалгаас татгалзсан',
  'booking.rejected.body':
    'Парк таны {expo}-ийн {slot} талбайн захиалгаас татгалзлаа. Бусад талбай сул байж магадгүй.',
  'booking.cancelled.subject': '{expo}-ийн {slot} талбайн захиалгыг цуцалсан',
  'booking.cancelled.body': '{expo}-ийн {slot} талбайн захиалгыг цуцаллаа.',
  'booking.offered.subject': '{expo}-ийн {slot} талбайг танд түр хадгалж байна',
  'booking.offered.body':
    'Таны хүлээж байсан {expo}-ийн {slot} талбайг {expiresAt} хүртэл танд хадгалж байна. Түүнээс өмнө захиалгаа илгээнэ үү.',
  'booking.expired.subject': '{expo}-ийн {slot} талбайн түр хадгалалт дууссан',
  'booking.expired.body':
    '{expo}-ийн {slot} талбайн түр хадгалалт захиалга илгээгдэхээс өмнө дууссан тул талбай дахин сул боллоо.',
  'offering.won.subject': '{offering}-д өгсөн таны санал яллаа',
  'offering.won.body':
    'Парк «{offering}»-ийг таны саналд олгож, танай компани одоо паркийн батлагдсан түрээслэгч боллоо.',
  'offering.lost.subject': '{offering}-ийг өөр саналд олголоо',
  'offering.lost.body': 'Парк «{offering}»-ийг өөр оролцогчид олголоо. Санал ирүүлсэнд баярлалаа.',
  'offering.cancelled.subject': '{offering}-ийг цуцаллаа',
  'offering.cancelled.body': 'Таны санал өгсөн «{offering}»-ийг парк цуцаллаа. Шалтгаан: {reason}',
  'email.suppressed.subject': '{address} руу имэйл хүргэгдэхгүй байна',
  'email.suppressed.body':
    '{person} ({address}) руу илгээсэн имэйл буцаж ирсэн эсвэл спам гэж тэмдэглэгдсэн тул Parkbridge тийш илгээхээ больсон. Тохиргоонд хаягаа шалгана уу.',

  'invitation.subject': '{inviterName} таныг Parkbridge дахь {orgName}-д урьж байна',
  'invitation.body':
    '{inviterName} таныг Parkbridge дахь {orgName}-д {role} эрхээр нэгдэхийг урьж байна. Урилга {expiresAt} хүртэл хүчинтэй.',
  'invitation.action': 'Урилгыг хүлээн авах',
  'role.admin': 'админ',
  'role.buyer': 'худалдан авагч',
  'role.seller': 'худалдагч',
  'role.viewer': 'үзэгч',
  'role.staff': 'ажилтан',

  'account.verify.subject': 'Таны Parkbridge баталгаажуулах код',
  'account.verify.body':
    'Таны баталгаажуулах код {code}. Имэйл хаягаа баталгаажуулахын тулд Parkbridge-д оруулна уу.',
  'account.reset.subject': 'Parkbridge нууц үгээ сэргээх',
  'account.reset.body':
    'Нууц үг сэргээх код тань {code}. Хэрэв та үүнийг хүсээгүй бол энэ имэйлийг үл тоомсорлоно уу.',
  'account.welcome.subject': 'Таны Parkbridge бүртгэл',
  'account.welcome.body':
    'Танд бүртгэл үүсгэлээ. {username} нэрээр, {code} түр нууц үгээр нэвтэрч, өөрийн нууц үгээ сонгоно уу.',
  'account.signIn.subject': 'Таны Parkbridge нэвтрэх код',
  'account.signIn.body': 'Таны нэвтрэх код {code}.',
} as const satisfies Messages;
