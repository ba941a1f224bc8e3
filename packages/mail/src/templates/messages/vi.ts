import type { Messages } from './en';

export const vi = {
  'mail.greeting': 'Xin chào {name},',
  'mail.why': 'Bạn nhận được email này theo cài đặt email Parkbridge của bạn.',
  'mail.settings': 'Thay đổi những email Parkbridge gửi cho bạn',
  'mail.unsubscribe': 'Hủy nhận các email như thế này',
  'mail.unsubscribeDigest': 'Dừng bản tin hằng ngày',
  'mail.signature': 'Parkbridge, chợ của khu công nghiệp của bạn',
  'mail.linkHint': 'Hoặc mở địa chỉ này:',

  'action.need': 'Mở yêu cầu',
  'action.deal': 'Mở giao dịch',
  'action.dealRoom': 'Mở phòng giao dịch',
  'action.offering': 'Mở mặt bằng chào thuê',
  'action.bookings': 'Xem các đặt chỗ của bạn',
  'action.expoBookings': 'Xem xét các đặt chỗ',
  'action.settings': 'Mở cài đặt',
  'action.digest': 'Mở Parkbridge',

  'digest.subject': 'Bản tin Parkbridge của bạn ngày {date}',
  'digest.intro': 'Những gì đã diễn ra từ bản tin trước:',
  'digest.more': 'Còn nhiều hơn trong mục thông báo của ứng dụng.',

  'need.matched.subject': 'Một yêu cầu mới phù hợp với sản phẩm của bạn: {need}',
  'need.matched.body':
    'Yêu cầu “{need}” vừa được đăng và phù hợp với những gì bạn cung cấp. Hạn gửi báo giá: {closesAt}.',
  'need.amended.subject': 'Một yêu cầu bạn đã báo giá được sửa đổi: {need}',
  'need.amended.body':
    'Bên mua đã sửa đổi “{need}”: {reason}. Hãy xem điều khoản mới và xác nhận lại báo giá.',
  'need.cancelled.subject': 'Một yêu cầu bạn đã báo giá bị hủy: {need}',
  'need.cancelled.body': 'Bên mua đã hủy “{need}”. Lý do: {reason}',
  'need.extended.subject': 'Thời hạn của “{need}” đã thay đổi',
  'need.extended.body': 'Báo giá cho “{need}” nay đóng vào {closesAt}.',
  'need.closed.subject': 'Yêu cầu của bạn đã hết hạn báo giá: {need}',
  'need.closed.body':
    '“{need}” đã đóng với {bids} báo giá. Hãy so sánh và chọn một báo giá, hoặc hủy kèm lý do.',
  'question.asked.subject': 'Một nhà cung cấp đặt câu hỏi về {need}',
  'question.asked.body':
    'Một nhà cung cấp đã hỏi về yêu cầu “{need}” của bạn. Hãy trả lời: mọi bên báo giá đều thấy câu trả lời, không thấy người hỏi.',
  'question.answered.subject': 'Một câu hỏi về {need} đã được trả lời',
  'question.answered.body':
    'Bên mua đã trả lời một câu hỏi về “{need}”. Hãy đọc trước khi báo giá hoặc sửa báo giá.',
  'bid.outbid.subject': 'Đã có giá tốt hơn của bạn cho {need}',
  'bid.outbid.body':
    'Một nhà cung cấp khác hiện đưa ra giá tốt nhất cho “{need}”. Bạn có thể sửa báo giá đến khi hết hạn.',
  'bid.needs_reconfirmation.subject': 'Hãy xác nhận lại báo giá cho {need}',
  'bid.needs_reconfirmation.body':
    'Yêu cầu “{need}” đã được sửa đổi nên báo giá của bạn cần được xác nhận lại theo điều khoản mới.',
  'bid.won.subject': 'Báo giá của bạn đã trúng: {need}',
  'bid.won.body':
    'Bên mua đã chọn báo giá của bạn cho “{need}”. Giao dịch {dealRef} đã được tạo: hãy xác nhận để tiếp tục.',
  'bid.lost.subject': 'Bên mua đã chọn báo giá khác cho {need}',
  'bid.lost.body': 'Bên mua đã chọn một báo giá khác cho “{need}”. Cảm ơn bạn đã tham gia.',
  'award.approval_requested.subject': 'Quyết định trao thầu {need} đang chờ bạn duyệt',
  'award.approval_requested.body':
    'Một đồng nghiệp đã đề nghị trao thầu “{need}” vượt ngưỡng cần duyệt của tổ chức. Việc này chờ quản trị viên thứ hai: hãy mở nhu cầu để duyệt hoặc từ chối.',
  'deal.confirmed.subject': 'Giao dịch {dealRef} đã được xác nhận: {deal}',
  'deal.confirmed.body': 'Bên bán đã xác nhận giao dịch {dealRef} cho “{deal}”.',
  'deal.delivered.subject': 'Giao dịch {dealRef} đã giao hàng: {deal}',
  'deal.delivered.body':
    'Bên bán đã đánh dấu giao dịch {dealRef} cho “{deal}” là đã giao. Hãy xác nhận nhận hàng khi hàng đến.',
  'deal.accepted.subject': 'Đã nhận hàng của giao dịch {dealRef}: {deal}',
  'deal.accepted.body':
    'Bên mua đã xác nhận nhận hàng của giao dịch {dealRef} cho “{deal}”. Hai bên có thể đánh giá nhau.',
  'deal.rated.subject': 'Bạn đã được đánh giá trong giao dịch {dealRef}',
  'deal.rated.body': 'Bên kia đã đánh giá giao dịch {dealRef} cho “{deal}”.',
  'deal.cancelled.subject': 'Giao dịch {dealRef} đã bị hủy: {deal}',
  'deal.cancelled.body': 'Bên kia đã hủy giao dịch {dealRef} cho “{deal}”. Lý do: {reason}',
  'deal.message.subject': 'Tin nhắn mới trong giao dịch {dealRef}: {deal}',
  'deal.message.body': 'Bên kia đã nhắn cho bạn trong phòng giao dịch {dealRef} cho “{deal}”.',
  'booking.requested.subject': 'Gian hàng {slot} tại {expo} đang chờ bạn duyệt',
  'booking.requested.body': 'Một doanh nghiệp muốn đặt gian hàng {slot} tại {expo}. Hãy duyệt hoặc từ chối.',
  'booking.confirmed.subject': 'Đặt gian hàng {slot} tại {expo} đã được xác nhận',
  'booking.confirmed.body': 'Khu công nghiệp đã duyệt đặt gian hàng {slot} của bạn tại {expo}.',
  'booking.rejected.subject': 'Đặt gian hàng {slot} tại {expo} bị từ chối',
  'booking.rejected.body':
    'Khu công nghiệp đã từ chối đặt gian hàng {slot} của bạn tại {expo}. Có thể vẫn còn gian hàng khác trống.',
  'booking.cancelled.subject': 'Đặt gian hàng {slot} tại {expo} đã bị hủy',
  'booking.cancelled.body': 'Đặt gian hàng {slot} tại {expo} đã bị hủy.',
  'booking.offered.subject': 'Gian hàng {slot} tại {expo} đang được giữ cho bạn',
  'booking.offered.body':
    'Gian hàng {slot} tại {expo} mà bạn chờ đang được giữ cho bạn đến {expiresAt}. Hãy gửi đặt chỗ trước thời điểm đó.',
  'booking.expired.subject': 'Thời gian giữ gian hàng {slot} tại {expo} đã hết',
  'booking.expired.body':
    'Thời gian giữ gian hàng {slot} tại {expo} đã hết trước khi bạn gửi đặt chỗ, nên gian hàng được trả lại.',
  'offering.won.subject': 'Giá thầu của bạn cho {offering} đã thắng',
  'offering.won.body':
    'Khu công nghiệp đã trao “{offering}” cho giá thầu của bạn, và doanh nghiệp của bạn nay là doanh nghiệp thuê đã được phê duyệt của khu.',
  'offering.lost.subject': '{offering} đã được trao cho giá thầu khác',
  'offering.lost.body': 'Khu công nghiệp đã trao “{offering}” cho một nhà thầu khác. Cảm ơn bạn đã đặt giá.',
  'offering.cancelled.subject': '{offering} đã bị rút lại',
  'offering.cancelled.body': 'Khu công nghiệp đã rút lại “{offering}” mà bạn đã đặt giá. Lý do: {reason}',
  'email.suppressed.subject': 'Không thể gửi email đến {address}',
  'email.suppressed.body':
    'Email gửi đến {person} ({address}) bị trả lại hoặc bị đánh dấu là thư rác, nên Parkbridge đã ngừng gửi đến địa chỉ này. Hãy kiểm tra địa chỉ trong cài đặt.',

  'invitation.subject': '{inviterName} mời bạn tham gia {orgName} trên Parkbridge',
  'invitation.body':
    '{inviterName} mời bạn tham gia {orgName} trên Parkbridge với vai trò {role}. Lời mời có hiệu lực đến {expiresAt}.',
  'invitation.action': 'Chấp nhận lời mời',
  'role.admin': 'quản trị viên',
  'role.buyer': 'người mua',
  'role.seller': 'người bán',
  'role.viewer': 'người xem',
  'role.staff': 'nhân viên',

  'account.verify.subject': 'Mã xác minh Parkbridge của bạn',
  'account.verify.body':
    'Mã xác minh của bạn là {code}. Hãy nhập mã vào Parkbridge để xác nhận địa chỉ email.',
  'account.reset.subject': 'Đặt lại mật khẩu Parkbridge',
  'account.reset.body': 'Mã đặt lại mật khẩu của bạn là {code}. Nếu bạn không yêu cầu, hãy bỏ qua email này.',
  'account.welcome.subject': 'Tài khoản Parkbridge của bạn',
  'account.welcome.body':
    'Một tài khoản đã được tạo cho bạn. Hãy đăng nhập bằng {username} với mật khẩu tạm {code} rồi chọn mật khẩu của riêng bạn.',
  'account.signIn.subject': 'Mã đăng nhập Parkbridge của bạn',
  'account.signIn.body': 'Mã đăng nhập của bạn là {code}.',
} as const satisfies Messages;
